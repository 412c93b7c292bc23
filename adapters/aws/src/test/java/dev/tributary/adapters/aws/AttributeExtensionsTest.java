package dev.tributary.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeExtensionsTest {

    private static MessageAttribute attribute(String name, String value) {
        return new MessageAttribute(name, "String", value);
    }

    @Test
    void lowerCasesAndStripsEverythingOutsideAsciiLettersAndDigits() {
        assertEquals(
                List.of("originregion", "x9", "caf", "attr"),
                AttributeExtensions.names(List.of(
                        attribute("Origin-Region", "a"),
                        attribute("X_9", "b"),
                        attribute("Café", "c"),
                        attribute("-_.", "d"))));
    }

    @Test
    void contextAttributeNamesArePrefixed() {
        assertEquals(
                List.of("attrid", "attrtype", "attrspecversion", "attrsource", "attrtime", "attrdata", "sourcearn"),
                AttributeExtensions.names(List.of(
                        attribute("ID", "1"),
                        attribute("Type", "2"),
                        attribute("spec-version", "3"),
                        attribute("source", "4"),
                        attribute("time", "5"),
                        attribute("data", "6"),
                        attribute("source-arn", "7"))));
    }

    @Test
    void collisionsAreResolvedInOrderOfOriginalNamesWhateverTheInputOrder() {
        List<MessageAttribute> attributes = List.of(
                attribute("originregion", "lower"),
                attribute("Origin-Region", "dashed"),
                attribute("ORIGIN_REGION", "upper"));
        List<String> expected = List.of("attrattroriginregion", "attroriginregion", "originregion");
        assertEquals(expected, AttributeExtensions.names(attributes));
        assertEquals(
                List.of("originregion", "attroriginregion", "attrattroriginregion"),
                AttributeExtensions.names(List.of(attributes.get(2), attributes.get(1), attributes.get(0))));
    }

    @Test
    void aPrefixedNameThatIsTakenIsPrefixedAgain() {
        assertEquals(
                List.of("attrid", "attrattrid"),
                AttributeExtensions.names(List.of(attribute("attrid", "x"), attribute("id", "y"))));
    }

    @Test
    void sameNameFromTwoOriginsKeepsBothValuesFirstGivenFirst() {
        CloudEvent extended = AttributeExtensions.apply(
                        List.of(event()), List.of(attribute("tenant", "from-sns"), attribute("tenant", "from-sqs")))
                .get(0);
        assertEquals("from-sns", extended.getExtension("tenant"));
        assertEquals("from-sqs", extended.getExtension("attrtenant"));
    }

    @Test
    void everyEventGetsEveryAttributeAndKeepsItsContext() {
        List<CloudEvent> extended = AttributeExtensions.apply(
                List.of(event(), event()),
                List.of(new MessageAttribute("blob", "Binary", "AQID"), attribute("Type", "order")));
        for (CloudEvent event : extended) {
            assertEquals("AQID", event.getExtension("blob"));
            assertEquals("order", event.getExtension("attrtype"));
            assertEquals("t", event.getType());
        }
    }

    @Test
    void noAttributesLeavesTheEventsAsTheyAre() {
        List<CloudEvent> events = List.of(event());
        assertSame(events, AttributeExtensions.apply(events, List.of()));
    }

    private static CloudEvent event() {
        return CloudEventBuilder.v1()
                .withId("1")
                .withSource(URI.create("s"))
                .withType("t")
                .build();
    }
}
