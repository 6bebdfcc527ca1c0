// Starts DynamoDB Local exactly as its own main class does, but listening on 127.0.0.1 only:
// DynamoDBLocal.jar has no option for the address and otherwise accepts connections from the whole
// network. Run by `java` as a single source file (JEP 330), with DynamoDBLocal.jar on the class path.

import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class DynamoDbLoopback {
  public static void main(String[] arguments) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(arguments);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no connector to bind");
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) {
        throw new IllegalStateException("Unexpected DynamoDB Local connector " + connector);
      }
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    proxy.start();
    for (Connector connector : connectors) {
      String host = ((NetworkConnector) connector).getHost();
      if (!"127.0.0.1".equals(host)) throw new IllegalStateException("DynamoDB Local listens on " + host);
    }
  }
}
