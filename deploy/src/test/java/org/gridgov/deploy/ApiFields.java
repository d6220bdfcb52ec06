package org.gridgov.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.JsonElement;

/**
 * Checks a built-in object the way kubectl's strict field validation does: every field must be one the
 * Kubernetes API defines, and the required ones must be there. The official Java client's models
 * (generated from the Kubernetes OpenAPI document) know the fields; kubernetes-models, which checks
 * types and formats, lets unknown fields through.
 */
final class ApiFields {

    private static final Gson GSON = new Gson();

    private ApiFields() {
    }

    /** The violation, if any; empty also for kinds that are not built in (their CRD schemas are closed already). */
    static Optional<String> violation(Map<String, Object> object) {
        Optional<Method> validator = validatorFor(String.valueOf(object.get("apiVersion")), String.valueOf(object.get("kind")));
        if (validator.isEmpty()) {
            return Optional.empty();
        }
        try {
            validator.get().invoke(null, GSON.toJsonTree(object));
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of(e.getCause().getMessage());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Built-in kinds only: their apiVersion is "v1" or "<group>/<version>" with a group of the Kubernetes API. */
    static boolean isBuiltIn(String apiVersion) {
        return !apiVersion.contains("/") || apiVersion.contains(".k8s.io/") || apiVersion.startsWith("apps/")
                || apiVersion.startsWith("autoscaling/") || apiVersion.startsWith("policy/") || apiVersion.startsWith("batch/");
    }

    private static Optional<Method> validatorFor(String apiVersion, String kind) {
        if (!isBuiltIn(apiVersion)) {
            return Optional.empty();
        }
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String model = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0))
                + version.substring(1) + kind;
        try {
            return Optional.of(Class.forName(model).getMethod("validateJsonElement", JsonElement.class));
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new AssertionError("no Kubernetes model " + model + " for " + apiVersion + " " + kind, e);
        }
    }
}
