package dev.tributary.bench.camel;

import java.net.URI;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The plain Apache Camel route a user would hand-write for the push scenario: a {@code netty-http}
 * consumer, a prefix check on the {@code ce-type} header, a {@code netty-http} producer to the
 * sink with the request's headers and body as they came, and {@code 202} to the caller (for
 * filtered-out events too, as the gateway answers). Component options are Camel's defaults.
 *
 * <p>Listens on {@code 127.0.0.1:port} under {@value #PATH}. {@link #close()} stops the context.
 */
public final class CamelBaseline implements AutoCloseable {

    /** The path the consumer listens on. */
    public static final String PATH = "/ingress";

    private final CamelContext context;

    private CamelBaseline(CamelContext context) {
        this.context = context;
    }

    /**
     * Starts the route.
     *
     * @param port the port to listen on (loopback)
     * @param sink where matching events are posted
     * @param typePrefix the {@code ce-type} prefix an event needs to be forwarded
     * @throws Exception when Camel cannot start the route (port taken, bad URI)
     */
    public static CamelBaseline start(int port, URI sink, String typePrefix) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("netty-http:http://127.0.0.1:" + port + PATH)
                        .filter(header("ce-type").startsWith(typePrefix))
                        .removeHeaders("CamelHttp*")
                        .to("netty-http:" + sink)
                        .end()
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                        .setBody(constant(""));
            }
        });
        context.start();
        return new CamelBaseline(context);
    }

    @Override
    public void close() {
        context.stop();
    }
}
