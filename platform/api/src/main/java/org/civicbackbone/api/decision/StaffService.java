package org.civicbackbone.api.decision;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Hiring backbone staff, governed by the initiative's structure model. */
@ProviderType
public interface StaffService {

    /** Proposes a hire; nobody is hired until the proposal is approved. */
    StaffHire proposeHire(String initiativeId, HireSpec spec, String actor);

    /** Every proposed hire of the initiative with where it stands, newest first. */
    List<StaffHire> hires(String initiativeId);
}
