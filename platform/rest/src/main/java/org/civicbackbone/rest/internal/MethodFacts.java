package org.civicbackbone.rest.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * What a filter works out of a resource method's declarations, worked out once per method rather than on every
 * request, and kept with the resource class so that it is let go when the class's module is uninstalled.
 *
 * @param <T> what is worked out; never null (a method with nothing to say gets an empty value)
 */
final class MethodFacts<T> {

    private final BiFunction<Class<?>, Method, T> workOut;
    private final ClassValue<Map<Method, T>> kept = new ClassValue<>() {
        @Override
        protected Map<Method, T> computeValue(Class<?> resource) {
            return new ConcurrentHashMap<>();
        }
    };

    MethodFacts(BiFunction<Class<?>, Method, T> workOut) {
        this.workOut = workOut;
    }

    /** The facts of a method matched on a resource class (its declaring class when CXF names none). */
    T of(Class<?> resource, Method method) {
        Class<?> owner = resource == null ? method.getDeclaringClass() : resource;
        return kept.get(owner).computeIfAbsent(method, m -> workOut.apply(resource, m));
    }
}
