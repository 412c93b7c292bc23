package dev.tributary.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cloudevents.CloudEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class TransformBenchmarkTest {

    @Test
    void everyTransformCompilesAndTurnsTheBenchEventIntoACloudEvent() throws Exception {
        CloudEvent event = RouteFilters.event();
        assertEquals(
                event.getType(),
                TransformBenchmark.compile("identity").apply(event).getType());
        assertEquals(
                "com.example.image.uploaded",
                TransformBenchmark.compile("merge").apply(event).getType());
        CloudEvent knative = TransformBenchmark.compile("knative").apply(event);
        assertEquals("transform.simple", knative.getSource().toString());
        assertEquals("48213", String.valueOf(knative.getExtension("size")));
    }

    @Test
    void theBenchmarkParametersAreTheTransformsDefined() throws Exception {
        String[] declared = TransformBenchmark.class
                .getField("transform")
                .getAnnotation(Param.class)
                .value();
        assertEquals(TransformBenchmark.names(), List.of(declared));
        assertThrows(IllegalArgumentException.class, () -> TransformBenchmark.compile("xslt"));
    }
}
