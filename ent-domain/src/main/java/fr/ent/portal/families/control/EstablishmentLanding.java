package fr.ent.portal.families.control;

import java.util.Collection;
import java.util.Set;

/**
 * Where a signed-in person lands, from the establishments they are linked to in the current school year and the
 * one they chose last: the remembered choice if still linked, else the only one, else a choice to make. A person
 * linked to none lands at home without establishment.
 *
 * @param establishmentId the establishment to work in, null when none or a choice is needed
 * @param choiceNeeded    several current establishments and no valid remembered choice
 */
public record EstablishmentLanding(Long establishmentId, boolean choiceNeeded) {

    public static EstablishmentLanding resolve(Collection<Long> current, Long remembered) {
        Set<Long> linked = Set.copyOf(current);
        if (remembered != null && linked.contains(remembered)) {
            return new EstablishmentLanding(remembered, false);
        }
        if (linked.size() == 1) {
            return new EstablishmentLanding(linked.iterator().next(), false);
        }
        return new EstablishmentLanding(null, linked.size() > 1);
    }
}
