package org.civicbackbone.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.ws.rs.Path;

/**
 * What the API's resources registered now take, read from their classes: every operation (for the answers that say
 * what an address takes, {@link AddressOffer}), and whether an address and method are taken as the JAX-RS runtime
 * would find them. Each class is read once (a module's classes go with its bundle).
 */
final class RegisteredOperations {

    /** The resource classes registered now. */
    private final Supplier<List<Class<?>>> served;

    private final ClassValue<List<AddressOffer.Operation>> operations = new ClassValue<>() {
        @Override
        protected List<AddressOffer.Operation> computeValue(Class<?> resource) {
            return AddressOffer.Operation.of(resource);
        }
    };

    /** Each class's own path, as a root resource is chosen by it. */
    private final ClassValue<AddressOffer.Template> roots = new ClassValue<>() {
        @Override
        protected AddressOffer.Template computeValue(Class<?> resource) {
            return root(resource);
        }
    };

    RegisteredOperations(Supplier<List<Class<?>>> served) {
        this.served = served;
    }

    /** Every operation of every resource registered now. */
    List<AddressOffer.Operation> all() {
        return served.get().stream().flatMap(c -> operations.get(c).stream()).toList();
    }

    /**
     * Whether a resource registered now takes the address with the method, found as JAX-RS finds it: among the root
     * resources whose own path fits the start of the address, the most specific, then its methods. A resource beside
     * it that would take the address (the stand-in for an absent module takes any under an initiative) is not asked:
     * the runtime never reaches it either, so its 404 there is real.
     */
    boolean take(String path, String method) {
        List<Class<?>> chosen = new ArrayList<>();
        AddressOffer.Template best = null;
        for (Class<?> resource : served.get()) {
            AddressOffer.Template root = roots.get(resource);
            if (!root.pattern().matcher(path).matches()) {
                continue;
            }
            int specific = best == null ? 1 : AddressOffer.Template.compareSpecificity(root, best);
            if (specific > 0) {
                chosen.clear();
                best = root;
            }
            if (specific >= 0) {
                chosen.add(resource);
            }
        }
        return AddressOffer.at(chosen.stream().flatMap(c -> operations.get(c).stream()).toList(), path, method)
                .methods().contains(method);
    }

    /** A class's own path as a pattern that matches the address or the start of it, up to a slash. */
    private static AddressOffer.Template root(Class<?> resource) {
        Path declared = resource.getAnnotation(Path.class);
        String path = AddressOffer.joined(declared == null ? "" : declared.value(), "");
        AddressOffer.Template own = AddressOffer.Template.of(path);
        return new AddressOffer.Template(Pattern.compile(path.equals("/") ? "/.*" : own.pattern().pattern()
                + "(?:/.*)?"), own.literals(), own.names());
    }
}
