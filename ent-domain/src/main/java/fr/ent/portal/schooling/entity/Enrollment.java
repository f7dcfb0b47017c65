package fr.ent.portal.schooling.entity;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.platform.BusinessException;

/** A pupil in a division (class) of an establishment for a school year; ended when the pupil leaves. */
@Entity
@Table(name = "enrollment")
@SequenceGenerator(name = "enrollment_seq", sequenceName = "enrollment_seq", allocationSize = 50)
@NamedQuery(name = Enrollment.OF_PUPIL,
        query = "select e from Enrollment e join fetch e.establishment where e.pupil = :pupil order by e.schoolYear desc")
public class Enrollment {

    /** The enrollments of a pupil (parameter {@code pupil}), latest school year first. */
    public static final String OF_PUPIL = "Enrollment.ofPupil";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrollment_seq")
    private Long id;

    @Version
    private long version;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pupil_id", nullable = false)
    private Account pupil;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "establishment_id", nullable = false)
    private Establishment establishment;

    @NotBlank
    @Size(max = 40)
    @Column(name = "division", nullable = false, length = 40)
    private String division;

    @NotNull
    @Convert(converter = SchoolYearConverter.class)
    @Column(name = "school_year", nullable = false)
    private SchoolYear schoolYear;

    @Column(name = "end_date")
    private LocalDate endDate;

    protected Enrollment() {
        // JPA
    }

    public Enrollment(Account pupil, Establishment establishment, String division, SchoolYear schoolYear) {
        if (pupil.profile() != Profile.PUPIL) {
            throw new BusinessException("enrollment.notAPupil", pupil.identifier());
        }
        this.pupil = pupil;
        this.establishment = Objects.requireNonNull(establishment, "establishment");
        this.division = Objects.requireNonNull(division, "division").strip();
        this.schoolYear = Objects.requireNonNull(schoolYear, "schoolYear");
    }

    /** The pupil left on {@code day} (within the school year). */
    public void end(LocalDate day) {
        if (!schoolYear.contains(day)) {
            throw new BusinessException("enrollment.endOutsideSchoolYear", day, schoolYear.label());
        }
        this.endDate = day;
    }

    /** The pupil is back (the registry lists them again): the enrollment no longer ends. */
    public void resume() {
        this.endDate = null;
    }

    /** Moves the pupil to another division of the same establishment. */
    public void moveTo(String newDivision) {
        this.division = Objects.requireNonNull(newDivision, "newDivision").strip();
    }

    /** True when the pupil is enrolled on {@code day}. */
    public boolean isActiveOn(LocalDate day) {
        return schoolYear.contains(day) && (endDate == null || day.isBefore(endDate));
    }

    public Long id() {
        return id;
    }

    public Account pupil() {
        return pupil;
    }

    public Establishment establishment() {
        return establishment;
    }

    public String division() {
        return division;
    }

    public SchoolYear schoolYear() {
        return schoolYear;
    }

    public LocalDate endDate() {
        return endDate;
    }
}
