package ${package};

import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Announces the function to the platform once its service (and schema) is ready. */
@Component(service = BackboneFunction.class)
public class ${functionClass}Function implements BackboneFunction {

    @Activate
    public ${functionClass}Function(@Reference ${functionClass}Notes notes) {
        // registered only while the function can serve
    }

    @Override
    public String id() {
        return ${functionClass}Notes.FUNCTION_ID;
    }

    @Override
    public String name() {
        return "${functionName}";
    }

    @Override
    public FunctionKind kind() {
        return FunctionKind.CUSTOM;
    }

    @Override
    public String description() {
        return "${functionName}: describe here what it does for a backbone team.";
    }
}
