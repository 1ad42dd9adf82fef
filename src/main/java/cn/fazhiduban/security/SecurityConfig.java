package cn.fazhiduban.security;

import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.web.ApiErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two chains. Our {@code /api/**} and the engine's {@code /engine-rest/**} need HTTP Basic against
 * Camunda's users, hold no session of their own and answer 401/403 as JSON; {@code /api/**} also
 * accepts the webapps' session (with their CSRF token for changes), for embedded forms and plugins.
 * Everything else (the Camunda webapps with their own session login and CSRF protection, static
 * files, health) passes through this chain untouched.
 */
@Configuration
@ConditionalOnWebApplication // no HTTP, no filter chains: process tests run the engine without a
// web server
class SecurityConfig {

  static final String OFFICE = GroupAuthorities.of(Groups.OFFICE);
  static final String ADMINS = GroupAuthorities.of(Groups.ADMINS);

  @Bean
  AuthenticationManager authenticationManager(
      CamundaIdentityAuthenticationProvider provider, ApplicationEventPublisher events) {
    ProviderManager manager = new ProviderManager(provider);
    manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
    return manager;
  }

  /**
   * After authentication: size limits, expressions out of queries, completions only with their
   * form's fields, and the task actions units and leaders may not take, on the engine's REST API,
   * the webapps' API and ours alike.
   */
  @Bean
  FilterRegistrationBean<EngineApiGuard> engineApiGuard(
      ObjectMapper mapper,
      DeclaredForms forms,
      IdentityService identityService,
      LimitsProperties limits) {
    FilterRegistrationBean<EngineApiGuard> registration =
        new FilterRegistrationBean<>(
            new EngineApiGuard(
                mapper, forms, identityService, limits.apiBodyBytes(), limits.engineBodyBytes()));
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    return registration;
  }

  /** Outermost: a 5xx answer becomes a generic Chinese message with a reference id. */
  @Bean
  FilterRegistrationBean<ServerErrorShield> serverErrorShield(ObjectMapper mapper) {
    FilterRegistrationBean<ServerErrorShield> registration =
        new FilterRegistrationBean<>(new ServerErrorShield(mapper));
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Inside the shield: a 4xx answer of the engine's APIs gets a Chinese message. */
  @Bean
  FilterRegistrationBean<EngineErrorTexts> engineErrorTexts(ObjectMapper mapper) {
    FilterRegistrationBean<EngineErrorTexts> registration =
        new FilterRegistrationBean<>(new EngineErrorTexts(mapper));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return registration;
  }

  @Bean
  FilterRegistrationBean<LoginAuditLog.WebappLoginFilter> webappLoginAudit(
      LoginThrottle throttle, ObjectMapper mapper) {
    FilterRegistrationBean<LoginAuditLog.WebappLoginFilter> registration =
        new FilterRegistrationBean<>(new LoginAuditLog.WebappLoginFilter(throttle, mapper));
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /**
   * A request the firewall refuses (a {@code ;} or {@code //} in the path, …) gets a JSON answer
   * too.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper mapper) {
    return (request, response, e) ->
        ApiErrors.write(response, mapper, HttpStatus.BAD_REQUEST, "bad-path", "请求地址含有不允许的字符，未予处理。");
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      IdentityService identityService,
      ObjectMapper mapper)
      throws Exception {
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"fazhi-duban\", charset=\"UTF-8\"");
          ApiErrors.write(
              response, mapper, HttpStatus.UNAUTHORIZED, "unauthorized", "请先登录：用户名或密码错误，或未提供登录信息。");
        };
    AccessDeniedHandler forbidden =
        (request, response, e) ->
            ApiErrors.write(response, mapper, HttpStatus.FORBIDDEN, "forbidden", "您没有执行此操作的权限。");
    // Path matchers on the whole path: /engine-rest is Jersey's servlet, not Spring MVC's.
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(
            new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        paths.matcher(HttpMethod.POST, "/api/plans"),
                        paths.matcher(HttpMethod.POST, "/api/rounds"),
                        paths.matcher(HttpMethod.GET, "/api/rounds/preview"),
                        paths.matcher(HttpMethod.POST, "/api/escalations/**"))
                    .hasAnyAuthority(OFFICE, ADMINS)
                    // the unit directory: everyone reads it, the office and administrators change
                    // it
                    .requestMatchers(
                        paths.matcher(HttpMethod.POST, "/api/units/**"),
                        paths.matcher(HttpMethod.PUT, "/api/units/**"),
                        paths.matcher(HttpMethod.POST, "/api/units"))
                    .hasAnyAuthority(OFFICE, ADMINS)
                    .requestMatchers(
                        paths.matcher("/engine-rest/metrics/**"),
                        paths.matcher("/engine-rest/metrics"),
                        paths.matcher("/api/admin/**"))
                    .hasAuthority(ADMINS)
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .exceptionHandling(
            ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless HTTP Basic: no cookie, so no cross-site request can ride on one.
        .csrf(csrf -> csrf.disable())
        // Pages of the webapps (an embedded form, a plugin) call /api with the webapp session and
        // its CSRF token.
        .addFilterBefore(
            new WebappSessionFilter(identityService, mapper), BasicAuthenticationFilter.class)
        .addFilterAfter(
            new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
    // The Camunda webapps authenticate and protect against CSRF themselves.
    http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    return http.build();
  }
}
