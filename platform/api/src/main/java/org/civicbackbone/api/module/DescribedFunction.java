package org.civicbackbone.api.module;

/**
 * A {@link BackboneFunction} that answers from its {@link FunctionDescriptor}. A module's announcing component extends
 * it and takes its service as a constructor reference, so the function is listed only while that service works:
 *
 * <pre>{@code
 * @Component(service = BackboneFunction.class)
 * public class PolicyFunction extends DescribedFunction {
 *     @Activate
 *     public PolicyFunction(@Reference Policy policy) {
 *         super(Policy.DESCRIPTOR);
 *     }
 * }
 * }</pre>
 */
public abstract class DescribedFunction implements BackboneFunction {

    private final FunctionDescriptor descriptor;

    /** @param descriptor what the function says about itself */
    protected DescribedFunction(FunctionDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** The descriptor this function answers from. */
    public final FunctionDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final String id() {
        return descriptor.id();
    }

    /**
     * The function's id again, under the name {@link org.civicbackbone.api.console.WorkItems#functionId()} asks for:
     * an announcing component that also puts the module's items on "My work" has it already (since 1.5).
     */
    public final String functionId() {
        return descriptor.id();
    }

    @Override
    public final String name() {
        return descriptor.name();
    }

    @Override
    public final FunctionKind kind() {
        return descriptor.kind();
    }

    @Override
    public final String description() {
        return descriptor.description();
    }
}
