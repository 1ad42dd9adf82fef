package cn.fazhiduban.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A small HTTP client for API tests: real requests to the running server, as a user or anonymously.
 */
public final class Api {

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;
  private final String authorization;

  private Api(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  public static Api anonymous(int port) {
    return new Api("http://localhost:" + port, null);
  }

  public static Api as(int port, String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Api("http://localhost:" + port, "Basic " + token);
  }

  public record Response(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("不是 JSON：" + body, e);
      }
    }
  }

  /**
   * Opens a supervision round ({@code POST /api/rounds}) as this user and returns the answer (its
   * {@code id}, {@code workItems}, …), failing with the answer's body unless it is 201 Created. No
   * tasks means the whole plan.
   */
  public JsonNode openRound(long planId, String label, OffsetDateTime reportDue, int... tasks) {
    ObjectNode body =
        new ObjectMapper()
            .createObjectNode()
            .put("planId", planId)
            .put("label", label)
            .put("reportDue", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(reportDue));
    if (tasks.length > 0) {
      ArrayNode list = body.putArray("tasks");
      for (int task : tasks) {
        list.add(task);
      }
    }
    Response opened = postJson("/api/rounds", body.toString());
    if (opened.status() != 201) {
      throw new AssertionError("开启轮次应答 201，实为 " + opened.status() + "：" + opened.body());
    }
    return opened.json();
  }

  public Response get(String path) {
    return send(builder(path).GET());
  }

  public Response post(String path, String contentType, byte[] body) {
    return send(
        builder(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response postText(String path, String text) {
    return post(path, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A JSON POST that asks for another representation, e.g. {@code application/hal+json} as Tasklist
   * does.
   */
  public Response send(String path, String accept, String json) {
    return send(
        builder(path)
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response putJson(String path, String json) {
    return send(
        builder(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response delete(String path) {
    return send(builder(path).DELETE());
  }

  /** A GET whose answer headers matter (downloads): the whole response. */
  public HttpResponse<byte[]> download(String path) {
    try {
      return client.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError("请求失败：" + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public Response postJson(String path, String json) {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** A multipart/form-data upload of one file in the field {@code file}. */
  public Response upload(String path, String filename, String fileType, byte[] content) {
    String boundary = "----duban" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename
                + "\"\r\nContent-Type: "
                + fileType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return post(path, "multipart/form-data; boundary=" + boundary, body);
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new AssertionError("请求失败：" + path(request), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String path(HttpRequest.Builder request) {
    return request.build().uri().toString();
  }
}
