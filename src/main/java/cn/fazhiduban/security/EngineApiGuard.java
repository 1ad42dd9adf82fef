package cn.fazhiduban.security;

import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.web.ApiErrors;
import cn.fazhiduban.web.RequestTooLargeException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of the engine's REST API ({@code /engine-rest}), the webapps' session API ({@code
 * /camunda/api}, the same engine resources Tasklist, Cockpit and Admin call) and our own API, on
 * the normalised path ({@link EnginePaths}), and answers refusals as JSON with a Chinese message
 * before the engine is touched:
 *
 * <ul>
 *   <li>request bodies have a size limit;
 *   <li>a query that carries an expression ({@code …Expression} parameters, nested {@code
 *       orQueries} included) is refused: the engine would evaluate it, which amounts to running
 *       code;
 *   <li>a completion, {@code submit-form} or {@code resolve} may set only its form's fields ({@link
 *       FormFields});
 *   <li>units and leaders may not end or divert a task, write variables, comments on other units'
 *       tasks or attachments, or correlate messages and signals; only administrators read metrics,
 *       change profiles or delete users.
 * </ul>
 *
 * {@link TaskActionGuard} applies the same rules inside the engine, whatever the door.
 */
class EngineApiGuard extends OncePerRequestFilter {

  /** Task and filter queries: GET/POST /task, /task/count, /filter…, /history/task…. */
  private static final Pattern QUERY_PATHS =
      Pattern.compile("^/(task|task/count|filter(/.*)?|history/task(/count)?)$");

  private static final Pattern TASK_COMPLETION =
      Pattern.compile("^/task/[^/]+/(complete|submit-form|resolve)$");
  private static final Pattern START_FORM =
      Pattern.compile("^/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/submit-form$");
  private static final Set<String> DIVERTING_TASK_ACTIONS =
      Set.of(
          "bpmnError",
          "bpmnEscalation",
          "delegate",
          "assignee",
          "unclaim",
          "resolve",
          "identity-links");
  private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "DELETE", "PATCH");

  private final ObjectMapper mapper;
  private final DeclaredForms forms;
  private final IdentityService identityService;
  private final long apiMaxBytes;
  private final long engineMaxBytes;

  EngineApiGuard(
      ObjectMapper mapper,
      DeclaredForms forms,
      IdentityService identityService,
      long apiMaxBytes,
      long engineMaxBytes) {
    this.mapper = mapper;
    this.forms = forms;
    this.identityService = identityService;
    this.apiMaxBytes = apiMaxBytes;
    this.engineMaxBytes = engineMaxBytes;
  }

  /** Who is calling: from Spring Security (HTTP Basic) or from the webapps' session. */
  record Caller(String user, List<String> groups) {
    boolean admin() {
      return groups.contains(Groups.ADMINS);
    }

    boolean office() {
      return admin() || groups.contains(Groups.OFFICE);
    }

    boolean leaderOnly() {
      return groups.contains(Groups.LEADERS) && groups.stream().allMatch(Groups.LEADERS::equals);
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = EnginePaths.normalise(request.getRequestURI(), request.getContextPath());
    if (path == null) {
      ApiErrors.write(response, mapper, HttpStatus.BAD_REQUEST, "bad-path", "请求地址无法识别。");
      return;
    }
    long limit = path.startsWith("/api/") ? apiMaxBytes : engineMaxBytes;
    if (request.getContentLengthLong() > limit) {
      ApiErrors.write(
          response,
          mapper,
          HttpStatus.PAYLOAD_TOO_LARGE,
          "too-large",
          "请求内容过大（超过 " + limit / (1024 * 1024) + " MB），未予处理。");
      return;
    }
    if ("GET".equals(request.getMethod()) && path.endsWith("/data")) {
      // Variable and attachment downloads (the history's included, which the engine sends without
      // one) are always attachments, never rendered in the browser.
      response = new AttachmentResponse(response);
      response.setHeader(CONTENT_DISPOSITION, "attachment");
    }
    EnginePaths.EngineCall call = EnginePaths.engineCall(path);
    if (call == null) {
      chain.doFilter(new LimitedRequest(request, limit), response);
      return;
    }
    for (String name : request.getParameterMap().keySet()) {
      if (isExpression(name)) {
        refuseExpression(response, name);
        return;
      }
    }
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    Caller caller = caller(request, call);
    Optional<String> forbidden = forbidden(method, call, caller);
    if (forbidden.isPresent()) {
      ApiErrors.write(response, mapper, HttpStatus.FORBIDDEN, "forbidden", forbidden.get());
      return;
    }
    boolean completion =
        "POST".equals(method)
            && (TASK_COMPLETION.matcher(call.path()).matches()
                || START_FORM.matcher(call.path()).matches());
    boolean query = QUERY_PATHS.matcher(call.path()).matches();
    boolean password = isPasswordChange(method, call);
    boolean needsBody = completion || query || password || isClaim(method, call);
    if (!needsBody) {
      chain.doFilter(new LimitedRequest(request, limit), response);
      return;
    }
    byte[] body =
        request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
    if (body.length > limit) {
      ApiErrors.write(response, mapper, HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "请求内容过大，未予处理。");
      return;
    }
    JsonNode json = null;
    if (body.length > 0) {
      try {
        json = mapper.readTree(body);
      } catch (JsonProcessingException e) {
        json = null; // not JSON: the engine answers that itself
      }
    }
    if (json != null) {
      String expression = query ? expressionKey(json) : null;
      if (expression != null) {
        refuseExpression(response, expression);
        return;
      }
      if (caller != null && !caller.office() && isClaim(method, call)) {
        String claimant = json.path("userId").isTextual() ? json.path("userId").asText() : null;
        if (!caller.user().equals(claimant)) {
          ApiErrors.write(
              response, mapper, HttpStatus.FORBIDDEN, "forbidden", "只能为自己认领待办，不能替他人认领。");
          return;
        }
      }
      if (password) {
        JsonNode given =
            call.segments().get(1).equals("create")
                ? json.path("credentials").path("password")
                : json.path("password");
        if (given.isTextual()
            && !identityService.checkPasswordAgainstPolicy(given.asText()).isValid()) {
          ApiErrors.write(
              response,
              mapper,
              HttpStatus.BAD_REQUEST,
              "weak-password",
              "新密码不符合密码规则：至少 10 个字符，包含大写字母、小写字母、数字和特殊字符各至少一个，且不能包含用户名。");
          return;
        }
      }
      if (completion) {
        Optional<String> problem = completionProblem(call, json);
        if (problem.isPresent()) {
          ApiErrors.write(
              response, mapper, HttpStatus.BAD_REQUEST, "field-not-allowed", problem.get());
          return;
        }
      }
    }
    chain.doFilter(new BufferedRequest(request, body), response);
  }

  /** Refusals that depend only on who calls and where. */
  private Optional<String> forbidden(String method, EnginePaths.EngineCall call, Caller caller) {
    List<String> segments = call.segments();
    if (!segments.isEmpty()
        && segments.get(0).equals("metrics")
        && (caller == null || !caller.admin())) {
      return Optional.of("只有管理员可以查看运行指标。");
    }
    if (caller == null || !WRITE_METHODS.contains(method)) {
      return Optional.empty();
    }
    if (!caller.admin()
        && segments.size() >= 2
        && segments.get(0).equals("user")
        && ("DELETE".equals(method) && segments.size() == 2
            || segments.size() == 3 && segments.get(2).equals("profile"))) {
      return Optional.of("只能修改自己的密码；用户的姓名、电子邮箱和删除由管理员处理。");
    }
    if (caller.office()) {
      return Optional.empty();
    }
    String root = segments.isEmpty() ? "" : segments.get(0);
    if (root.equals("message") || root.equals("signal")) {
      return Optional.of("您没有执行此操作的权限。");
    }
    if ((root.equals("process-instance") || root.equals("execution"))
        && segments.size() >= 3
        && Set.of("variables", "localVariables", "comment", "signal", "messageSubscriptions")
            .contains(segments.get(2))) {
      return Optional.of("不能直接修改流程实例，请通过待办表单提交。");
    }
    if (!root.equals("task") || segments.size() < 2) {
      return Optional.empty();
    }
    if (segments.size() == 2) {
      return "PUT".equals(method) || "DELETE".equals(method)
          ? Optional.of("承办单位不能修改或删除待办。")
          : Optional.empty();
    }
    String action = segments.get(2);
    if (DIVERTING_TASK_ACTIONS.contains(action)) {
      return Optional.of("承办单位不能对待办执行此操作（" + action + "），只能认领并填写表单完成。");
    }
    if (action.equals("variables") || action.equals("localVariables")) {
      return Optional.of("不能直接修改流程变量，请通过待办表单提交。");
    }
    if (action.equals("attachment")) {
      return Optional.of("只有依法治区办可以添加或删除附件；佐证材料请在表单的材料栏上传。");
    }
    if (action.equals("comment")) {
      if (caller.leaderOnly()) {
        return Optional.of("领导账号只能查看，不能添加评论。");
      }
      if (segments.size() != 4 || !segments.get(3).equals("create")) {
        return Optional.of("评论一经发表不能修改或删除。");
      }
      if (!forms.isOwnTask(segments.get(1), caller.user(), caller.groups())) {
        return Optional.of("只能对本单位的待办添加评论。");
      }
    }
    return Optional.empty();
  }

  /** PUT /user/{id}/credentials, POST /user/create. */
  private static boolean isPasswordChange(String method, EnginePaths.EngineCall call) {
    List<String> segments = call.segments();
    return segments.size() >= 2
        && segments.get(0).equals("user")
        && ("PUT".equals(method) && segments.size() == 3 && segments.get(2).equals("credentials")
            || "POST".equals(method) && segments.size() == 2 && segments.get(1).equals("create"));
  }

  private static boolean isClaim(String method, EnginePaths.EngineCall call) {
    List<String> segments = call.segments();
    return "POST".equals(method)
        && segments.size() == 3
        && segments.get(0).equals("task")
        && segments.get(2).equals("claim");
  }

  private Optional<String> completionProblem(EnginePaths.EngineCall call, JsonNode json) {
    List<String> segments = call.segments();
    JsonNode variables = json.path("variables");
    Optional<FormFields> declared;
    String taskId = null;
    if (segments.get(0).equals("task")) {
      taskId = segments.get(1);
      declared = forms.forTask(taskId);
    } else if (segments.get(1).equals("key")) {
      declared =
          forms.forStartFormByKey(segments.get(2), segments.size() == 6 ? segments.get(4) : null);
    } else {
      declared = forms.forStartForm(segments.get(1));
    }
    if (declared.isEmpty() || !variables.isObject()) {
      return Optional.empty();
    }
    List<FormFields.Submitted> submitted = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      submitted.add(submitted(variable.getKey(), variable.getValue()));
    }
    String task = taskId;
    return declared
        .get()
        .problem(submitted, name -> task == null ? null : forms.currentValue(task, name));
  }

  /**
   * A REST variable {@code {"value", "type", "valueInfo"}}: the engine's type name, inferred where
   * untyped.
   */
  static FormFields.Submitted submitted(String name, JsonNode variable) {
    JsonNode value = variable.path("value");
    String type =
        variable.path("type").isTextual()
            ? variable.path("type").asText().toLowerCase(Locale.ROOT)
            : null;
    if ("object".equals(type)) {
      String format = variable.path("valueInfo").path("serializationDataFormat").asText("");
      if (!"application/json".equals(format)) {
        type = "object:" + format;
      }
    }
    if (type == null) {
      if (value.isMissingNode() || value.isNull()) {
        type = null;
      } else if (value.isTextual()) {
        type = "string";
      } else if (value.isBoolean()) {
        type = "boolean";
      } else if (value.isInt()) {
        type = "integer";
      } else if (value.isIntegralNumber()) {
        type = "long";
      } else if (value.isNumber()) {
        type = "double";
      } else {
        type = "object:untyped";
      }
    }
    Object plain =
        value.isMissingNode() || value.isNull()
            ? null
            : value.isValueNode() ? value.asText() : value.toString();
    return new FormFields.Submitted(name, type, "file".equals(type) ? null : plain);
  }

  private static Caller caller(HttpServletRequest request, EnginePaths.EngineCall call) {
    if (!call.webapp()) {
      org.springframework.security.core.Authentication authentication =
          SecurityContextHolder.getContext().getAuthentication();
      return authentication == null
              || !authentication.isAuthenticated()
              || authentication.getName() == null
          ? null
          : new Caller(authentication.getName(), GroupAuthorities.groupsOf(authentication));
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication =
        authentications == null
            ? null
            : authentications.getAuthenticationForProcessEngine(call.engine());
    if (authentication instanceof UserAuthentication user && user.getIdentityId() != null) {
      return new Caller(
          user.getIdentityId(),
          user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
    }
    return null;
  }

  private static boolean isExpression(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith("expression") || lower.equals("expressions");
  }

  /** The first object key anywhere in the tree that names an expression, or {@code null}. */
  private static String expressionKey(JsonNode node) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (isExpression(field.getKey())) {
          return field.getKey();
        }
        String nested = expressionKey(field.getValue());
        if (nested != null) {
          return nested;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        String nested = expressionKey(element);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  private void refuseExpression(HttpServletResponse response, String name) throws IOException {
    ApiErrors.write(
        response,
        mapper,
        HttpStatus.BAD_REQUEST,
        "expression-not-allowed",
        "出于安全原因，查询中不允许使用表达式（" + LogText.safe(name) + "）。");
  }

  private static final String CONTENT_DISPOSITION = "Content-Disposition";

  /**
   * Keeps one Content-Disposition header, the engine's where it sends one, and always an
   * attachment.
   */
  private static final class AttachmentResponse
      extends jakarta.servlet.http.HttpServletResponseWrapper {
    AttachmentResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CONTENT_DISPOSITION.equalsIgnoreCase(name)) {
        setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, CONTENT_DISPOSITION.equalsIgnoreCase(name) ? attachment(value) : value);
    }

    /**
     * An attachment, with the file's name in ASCII only. The engine writes a Chinese name into the
     * plain {@code filename}, and Tomcat drops a header with characters beyond Latin-1 altogether:
     * the name goes as RFC 5987's {@code filename*}, with an RFC 2047 fallback.
     */
    static String attachment(String value) {
      String filename = null;
      if (value != null) {
        try {
          filename = ContentDisposition.parse(value).getFilename();
        } catch (IllegalArgumentException e) {
          filename = null;
        }
      }
      if (filename == null || filename.isBlank()) {
        return "attachment";
      }
      ContentDisposition.Builder attachment = ContentDisposition.attachment();
      return (filename.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
              ? attachment.filename(filename)
              : attachment.filename(filename, StandardCharsets.UTF_8))
          .build()
          .toString();
    }

    // The REST layer may reset the response before it writes its own headers; the body is written
    // after them, so the header is made sure of when the body starts.
    @Override
    public jakarta.servlet.ServletOutputStream getOutputStream() throws java.io.IOException {
      ensureAttachment();
      return super.getOutputStream();
    }

    @Override
    public java.io.PrintWriter getWriter() throws java.io.IOException {
      ensureAttachment();
      return super.getWriter();
    }

    private void ensureAttachment() {
      String value = getHeader(CONTENT_DISPOSITION);
      if (!isCommitted() && (value == null || !value.startsWith("attachment"))) {
        super.setHeader(CONTENT_DISPOSITION, attachment(value));
      }
    }
  }

  /** A request whose body was read here and is handed on unchanged. */
  private static final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      return new StreamOf(new ByteArrayInputStream(body));
    }
  }

  /**
   * A request whose body may not grow past the limit, for chunked uploads that announce no length.
   */
  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      InputStream in = super.getInputStream();
      return new StreamOf(
          new InputStream() {
            private long read;

            @Override
            public int read() throws IOException {
              int b = in.read();
              count(b < 0 ? 0 : 1);
              return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
              int n = in.read(buffer, offset, length);
              count(Math.max(n, 0));
              return n;
            }

            private void count(int n) throws IOException {
              read += n;
              if (read > limit) {
                throw new RequestTooLargeException(limit);
              }
            }
          });
    }
  }

  private static final class StreamOf extends ServletInputStream {
    private final InputStream in;

    StreamOf(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return in.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
      try {
        return in.available() == 0;
      } catch (IOException e) {
        return true;
      }
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException();
    }
  }
}
