package fr.ent.portal.schooling.entity;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.platform.BusinessException;

/** A staff member's role in an establishment for a school year (principal teachers with their division). */
@Entity
@Table(name = "assignment")
@SequenceGenerator(name = "assignment_seq", sequenceName = "assignment_seq", allocationSize = 50)
@NamedQuery(name = Assignment.OF_STAFF,
        query = "select a from Assignment a join fetch a.establishment where a.staff = :staff and a.schoolYear = :schoolYear")
@NamedQuery(name = Assignment.PRINCIPAL_TEACHERS,
        query = "select a from Assignment a join fetch a.staff where a.establishment = :establishment"
                + " and a.division = :division and a.schoolYear = :schoolYear"
                + " and a.role = fr.ent.portal.schooling.entity.AssignmentRole.PRINCIPAL_TEACHER")
public class Assignment {

    /** The principal teachers of a division ({@code establishment}, {@code division}, {@code schoolYear}). */
    public static final String PRINCIPAL_TEACHERS = "Assignment.principalTeachers";

    /** A staff member's assignments (parameters {@code staff}, {@code schoolYear}). */
    public static final String OF_STAFF = "Assignment.ofStaff";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assignment_seq")
    private Long id;

    @Version
    private long version;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "staff_id", nullable = false)
    private Account staff;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "establishment_id", nullable = false)
    private Establishment establishment;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 32)
    private AssignmentRole role;

    /** The division of a principal teacher, or of a teacher's class (STSWeb); null otherwise. */
    @Size(max = 40)
    @Column(name = "division", length = 40)
    private String division;

    @NotNull
    @Convert(converter = SchoolYearConverter.class)
    @Column(name = "school_year", nullable = false)
    private SchoolYear schoolYear;

    protected Assignment() {
        // JPA
    }

    private Assignment(Account staff, Establishment establishment, AssignmentRole role, String division,
                       SchoolYear schoolYear) {
        if (!staff.profile().isStaff()) {
            throw new BusinessException("assignment.notStaff", staff.identifier());
        }
        this.staff = staff;
        this.establishment = Objects.requireNonNull(establishment, "establishment");
        this.role = role;
        this.division = division;
        this.schoolYear = Objects.requireNonNull(schoolYear, "schoolYear");
    }

    /** A TEACHER or SCHOOL_ADMIN assignment (a principal teacher needs {@link #principalTeacher}). */
    public static Assignment of(Account staff, Establishment establishment, AssignmentRole role, SchoolYear schoolYear) {
        if (role == AssignmentRole.PRINCIPAL_TEACHER) {
            throw new BusinessException("assignment.division.required");
        }
        return new Assignment(staff, establishment, Objects.requireNonNull(role, "role"), null, schoolYear);
    }

    /** Teacher of {@code division} (from the establishment's STSWeb export: the classes a teacher has). */
    public static Assignment teacherOf(Account staff, Establishment establishment, String division,
                                       SchoolYear schoolYear) {
        if (division == null || division.isBlank()) {
            throw new BusinessException("assignment.division.required");
        }
        return new Assignment(staff, establishment, AssignmentRole.TEACHER, division.strip(), schoolYear);
    }

    /** Principal teacher of {@code division}. */
    public static Assignment principalTeacher(Account staff, Establishment establishment, String division,
                                              SchoolYear schoolYear) {
        if (division == null || division.isBlank()) {
            throw new BusinessException("assignment.division.required");
        }
        return new Assignment(staff, establishment, AssignmentRole.PRINCIPAL_TEACHER, division.strip(), schoolYear);
    }

    public Long id() {
        return id;
    }

    public Account staff() {
        return staff;
    }

    public Establishment establishment() {
        return establishment;
    }

    public AssignmentRole role() {
        return role;
    }

    public String division() {
        return division;
    }

    public SchoolYear schoolYear() {
        return schoolYear;
    }
}
