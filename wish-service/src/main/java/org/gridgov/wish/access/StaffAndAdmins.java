package org.gridgov.wish.access;

import java.util.UUID;

import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;

/**
 * Grid staff and the admins above them: the people who look after an area of the grid tree (their
 * token's jurisdiction) and so see its needs, rectifications and KPIs.
 */
public final class StaffAndAdmins {

    private StaffAndAdmins() {
    }

    public static boolean includes(Caller caller) {
        return caller.has(Role.GRID_STAFF) || caller.isAdmin();
    }

    /** The jurisdiction of grid staff or an admin, or 403 for anyone else. */
    public static UUID requireJurisdiction(Caller caller, String what) {
        if (!includes(caller)) {
            throw ProblemException.forbidden("Only grid staff and admins see " + what + ".");
        }
        return caller.jurisdictionId().orElseThrow(() -> ProblemException.forbidden("Your token names no jurisdiction."));
    }
}
