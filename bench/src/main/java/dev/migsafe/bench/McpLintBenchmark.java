package dev.migsafe.bench;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code lint} tool call through {@code ./migsafe mcp}, as an assistant makes it: the MCP
 * SDK's client sends the request over the server's standard input and reads the answer
 * (summary, JSON text and structured content) from its standard output. The server is started
 * once and warmed; each call is the round trip, JSON-RPC encoding and decoding included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class McpLintBenchmark {
  /** A migration of the usual size: timeouts, a column, a type change, an index, a backfill. */
  static final String SQL = """
      SET lock_timeout = '2s';
      ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
      ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);
      ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
      CREATE INDEX orders_customer_idx ON orders (customer_id);
      ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
        REFERENCES customers (id);
      UPDATE orders SET status = 'new' WHERE status IS NULL;
      """;
  static final String SCHEMA = """
      CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, status text,
        total numeric(10,2), created_at timestamptz NOT NULL DEFAULT now());
      """;

  private McpSyncClient client;
  private McpSchema.CallToolRequest request;

  @Setup
  public void start() {
    String launcher = Path.of("migsafe").toAbsolutePath().toString();
    client = McpClient.sync(new StdioClientTransport(
            ServerParameters.builder(launcher).args("mcp").build(), McpJsonDefaults.getMapper()))
        .requestTimeout(Duration.ofMinutes(1))
        .initializationTimeout(Duration.ofMinutes(1))
        .build();
    client.initialize();
    request = McpSchema.CallToolRequest.builder("lint")
        .arguments(Map.of("sql", SQL, "schema", SCHEMA, "engineVersion", 16)).build();
    McpSchema.CallToolResult first = client.callTool(request);
    if (Boolean.TRUE.equals(first.isError()) || first.structuredContent() == null) {
      throw new IllegalStateException("lint through MCP failed: " + first.content());
    }
  }

  @Benchmark
  public McpSchema.CallToolResult lint() {
    return client.callTool(request);
  }

  @TearDown
  public void stop() {
    client.closeGracefully();
  }
}
