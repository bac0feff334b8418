package com.tentabo.prm.adapters.rest.openapi;

import com.tentabo.prm.adapters.rest.company.DistributorResource;
import com.tentabo.prm.adapters.rest.company.PartnerResource;
import com.tentabo.prm.adapters.rest.outbox.OutboxEventResource;
import com.tentabo.prm.adapters.rest.provider.WebhookEventResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Writes what the twin resources say of their inherited routes ({@link InheritedOperation}) into the scanned document,
 * so that an inherited operation reads exactly as one its resource declares with {@code @Operation}.
 */
final class InheritedOperations {

    /** The resources whose routes are declared once, in the abstract class they extend. */
    private static final List<Class<?>> RESOURCES = List.of(
            PartnerResource.class, DistributorResource.class, OutboxEventResource.class, WebhookEventResource.class);

    private InheritedOperations() {}

    /** Writes what each of {@link #RESOURCES} says of its inherited routes. */
    static void describe(OpenAPI api) {
        RESOURCES.forEach(resource -> describe(api, resource));
    }

    /** Writes what {@code resource} says of each route it inherits onto that route's operation in {@code api}. */
    static void describe(OpenAPI api, Class<?> resource) {
        Map<String, InheritedOperation> said = new LinkedHashMap<>();
        for (InheritedOperation operation : resource.getAnnotationsByType(InheritedOperation.class)) {
            said.put(operation.method(), operation);
        }
        String base = resource.getAnnotation(Path.class).value();
        for (Method route : inheritedRoutes(resource)) {
            InheritedOperation text = said.remove(route.getName());
            if (text == null) {
                throw new IllegalStateException(
                        resource.getSimpleName() + " says nothing of its inherited route " + route.getName());
            }
            String path = base
                    + Optional.ofNullable(route.getAnnotation(Path.class))
                            .map(Path::value)
                            .orElse("");
            PathItem.HttpMethod method = PathItem.HttpMethod.valueOf(httpMethod(route));
            Operation operation = Optional.ofNullable(api.getPaths().getPathItem(path))
                    .map(item -> item.getOperations().get(method))
                    .orElseThrow(() -> new IllegalStateException("the document has no " + method + " " + path));
            describe(operation, text);
        }
        if (!said.isEmpty()) {
            throw new IllegalStateException(
                    resource.getSimpleName() + " names routes it does not inherit: " + said.keySet());
        }
    }

    /** The public methods of the resource's superclasses that answer an HTTP method. */
    private static List<Method> inheritedRoutes(Class<?> resource) {
        List<Method> routes = new ArrayList<>();
        for (Class<?> type = resource.getSuperclass(); type != Object.class; type = type.getSuperclass()) {
            Arrays.stream(type.getDeclaredMethods())
                    .filter(method -> Modifier.isPublic(method.getModifiers()) && !method.isSynthetic())
                    .filter(method -> httpMethod(method) != null)
                    .forEach(routes::add);
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst()
                .orElse(null);
    }

    /**
     * The texts, then what the scan found. The document writes an operation's fields in the order they were set, and
     * the scan sets those of {@code @Operation} first: the scanned fields are taken off and set again after the texts.
     */
    private static void describe(Operation operation, InheritedOperation text) {
        List<String> tags = operation.getTags();
        List<Parameter> parameters = operation.getParameters();
        RequestBody requestBody = operation.getRequestBody();
        APIResponses responses = operation.getResponses();
        operation.setTags(null);
        operation.setParameters(null);
        operation.setRequestBody(null);
        operation.setResponses(null);
        operation.setSummary(text.summary());
        operation.setDescription(text.description());
        operation.setOperationId(text.operationId());
        operation.setTags(tags);
        operation.setParameters(parameters);
        operation.setRequestBody(requestBody);
        operation.setResponses(responses);
    }
}
