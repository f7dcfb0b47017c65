package fr.ent.portal.platform.persistence;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import org.hibernate.jpa.HibernatePersistenceProvider;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.establishment.entity.OfferedService;
import fr.ent.portal.schooling.entity.Assignment;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.Responsibility;
import fr.ent.portal.schooling.entity.SchoolYearConverter;

/**
 * A RESOURCE_LOCAL persistence unit built in code, so that tests never read (nor clash with) the
 * application's META-INF/persistence.xml.
 */
public final class TestPersistenceUnit implements PersistenceUnitInfo {

    /** Every mapped class of the domain: the @Entity and @Converter classes found in the compiled main classes. */
    static final List<String> MANAGED_CLASSES = scanMappedClasses();

    private static List<String> scanMappedClasses() {
        java.nio.file.Path root = java.nio.file.Path.of("target", "classes");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", ""))
                    .filter(TestPersistenceUnit::isMapped)
                    .sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isMapped(String className) {
        try {
            Class<?> type = Class.forName(className, false, TestPersistenceUnit.class.getClassLoader());
            return type.isAnnotationPresent(jakarta.persistence.Entity.class)
                    || type.isAnnotationPresent(jakarta.persistence.Converter.class);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private final DataSource dataSource;

    private TestPersistenceUnit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A fresh in-memory H2 database named {@code name}, migrated by Flyway, and an entity manager factory on it. */
    public static EntityManagerFactory migratedH2(String name) {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        h2.setPassword("");
        org.flywaydb.core.Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return entityManagerFactory(h2);
    }

    /** An entity manager factory on {@code dataSource} that validates the mapping against the schema. */
    public static EntityManagerFactory entityManagerFactory(DataSource dataSource) {
        return entityManagerFactory(dataSource, Map.of());
    }

    /** The same with extra Hibernate settings (a default schema…). */
    public static EntityManagerFactory entityManagerFactory(DataSource dataSource, Map<String, Object> extra) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "hibernate.hbm2ddl.auto", "validate",
                "hibernate.jdbc.batch_size", "50",
                "hibernate.order_inserts", "true",
                "hibernate.show_sql", "false"));
        settings.putAll(extra);
        return new HibernatePersistenceProvider()
                .createContainerEntityManagerFactory(new TestPersistenceUnit(dataSource), settings);
    }

    @Override
    public String getPersistenceUnitName() {
        return "test-unit";
    }

    @Override
    public String getPersistenceProviderClassName() {
        return HibernatePersistenceProvider.class.getName();
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return Collections.emptyList();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return Collections.emptyList();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return null;
    }

    @Override
    public List<String> getManagedClassNames() {
        return MANAGED_CLASSES;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.UNSPECIFIED;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.CALLBACK;
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return Thread.currentThread().getContextClassLoader();
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // no enhancement in tests
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return null;
    }

    /** Runs {@code work} in a resource-local transaction of its own, rolled back if it throws. */
    public static <T> T inTransaction(jakarta.persistence.EntityManagerFactory emf,
                                      java.util.function.Function<jakarta.persistence.EntityManager, T> work) {
        jakarta.persistence.EntityManager em = emf.createEntityManager();
        jakarta.persistence.EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }
}
