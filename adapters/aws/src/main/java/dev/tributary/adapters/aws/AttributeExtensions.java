package dev.tributary.adapters.aws;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns SQS and SNS message attributes into CloudEvent extensions, as docs/cloudevents-mapping.md says:
 * the name is lower-cased and stripped of every character outside a-z0-9 ({@code Origin-Region}
 * becomes {@code originregion}); a name that is then a context attribute or already taken gets the
 * prefix {@code attr} (repeatedly, until it is free). Values stay strings (binary ones base64).
 * No attribute is dropped.
 *
 * <p>Collisions are resolved deterministically: attributes are taken in order of their original
 * names (Java string order; for equal names, in the order given, SNS before SQS), and the first
 * keeps the plain name. Stateless and thread-safe.
 */
public final class AttributeExtensions {

    private static final String PREFIX = "attr";
    private static final Set<String> CONTEXT_ATTRIBUTES =
            Set.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data");

    private AttributeExtensions() {}

    /** The extension name of each attribute: element {@code i} names {@code attributes.get(i)}. */
    public static List<String> names(List<MessageAttribute> attributes) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> attributes.get(i).name()));
        Set<String> taken = new HashSet<>(CONTEXT_ATTRIBUTES);
        String[] names = new String[attributes.size()];
        for (int index : order) {
            String name = normalize(attributes.get(index).name());
            while (name.isEmpty() || taken.contains(name)) {
                name = PREFIX + name;
            }
            taken.add(name);
            names[index] = name;
        }
        return List.of(names);
    }

    /** The events with every attribute added as an extension; the same list when there are none. */
    public static List<CloudEvent> apply(List<CloudEvent> events, List<MessageAttribute> attributes) {
        if (attributes.isEmpty()) {
            return events;
        }
        List<String> names = names(attributes);
        List<CloudEvent> extended = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            CloudEventBuilder builder = CloudEventBuilder.v1(event);
            for (int i = 0; i < names.size(); i++) {
                builder.withExtension(names.get(i), attributes.get(i).value());
            }
            extended.add(builder.build());
        }
        return List.copyOf(extended);
    }

    static String normalize(String attributeName) {
        StringBuilder out = new StringBuilder(attributeName.length());
        for (char c : attributeName.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
