package fr.ent.portal.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The strict enumeration bound: existing and unknown identifiers and emails on every form, median times over 100
 * tries each less than 10 ms apart. Not part of {@code mvn verify} (its name matches no test pattern); run it alone:
 * <pre>
 * mvn -B verify -pl ent-domain,ent-web -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=EnumerationBenchmark -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 * The medians are written to {@code ent-web/target/enumeration-benchmark.txt}.
 */
@ExtendWith(Portal.class)
class EnumerationBenchmark {

    @Test
    void mediansDifferByLessThanTenMilliseconds() throws Exception {
        HelpIT.measureEveryForm(10, "enumeration-benchmark.txt", 100);
    }
}
