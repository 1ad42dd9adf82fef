package cn.fazhiduban.webapp;

import cn.fazhiduban.support.Node;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser test scenarios: the system's {@code chromium} and {@code
 * chromedriver} (never a downloaded one: the driver path and the browser binary are both set, so
 * Selenium Manager is not asked), a fresh profile that asks for zh-CN, explicit waits, and
 * screenshots under {@code target/screenshots/}.
 *
 * <p>A scenario takes the browser with {@link #session()} and gives it back with {@link
 * #release()}. Starting Chromium costs seconds, so the test JVM keeps one and hands it to the next
 * scenario with a fresh session: no cookies, no web storage, a blank page. A browser that cannot be
 * cleaned is closed, and the next scenario starts another.
 *
 * <p>{@code -Dwebdriver.chrome.driver=…} and {@code -Dduban.browser.binary=…} point elsewhere
 * (default {@code /usr/bin/chromedriver}, {@code /usr/bin/chromium}; CI's {@code .ci/run} installs
 * both).
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(25);

  private static final String DRIVER =
      System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
  private static final String BINARY =
      System.getProperty("duban.browser.binary", "/usr/bin/chromium");

  private final Path profile;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private Browser(Path profile, ChromeDriverService service, ChromeDriver driver) {
    this.profile = profile;
    this.service = service;
    this.driver = driver;
  }

  private static Browser kept;

  /** A browser with a fresh session: the one the last scenario released, or a new one. */
  static synchronized Browser session() {
    Browser browser = kept;
    kept = null;
    return browser != null ? browser : start();
  }

  /**
   * Ends the scenario's session and keeps the browser for the next one. Closes it instead when the
   * session cannot be cleaned (a crashed tab, an open dialog).
   */
  void release() {
    try {
      forgetSession();
    } catch (RuntimeException e) {
      close();
      return;
    }
    synchronized (Browser.class) {
      if (kept == null) {
        kept = this;
        return;
      }
    }
    close();
  }

  /**
   * Closes extra windows, clears the storage (local, session, IndexedDB, cache) of the site the
   * scenario ended on and every cookie, checks on that page that no cookie is left, and opens a
   * blank page, and drops what the console logged. Each scenario works on one site, the test
   * server's.
   */
  private void forgetSession() {
    List<String> windows = List.copyOf(driver.getWindowHandles());
    for (String window : windows.subList(1, windows.size())) {
      driver.switchTo().window(window).close();
    }
    driver.switchTo().window(windows.get(0));
    String url = driver.getCurrentUrl();
    boolean onSite = url != null && url.startsWith("http");
    if (onSite) {
      URI page = URI.create(url);
      driver.executeCdpCommand(
          "Storage.clearDataForOrigin",
          Map.of(
              "origin", page.getScheme() + "://" + page.getRawAuthority(), "storageTypes", "all"));
    }
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    if (onSite && !driver.manage().getCookies().isEmpty()) {
      throw new IllegalStateException("浏览器会话的 Cookie 未能清除");
    }
    driver.get("about:blank");
    driver.manage().logs().get(LogType.BROWSER);
  }

  private static Browser start() {
    for (String file : List.of(DRIVER, BINARY)) {
      if (!Files.isExecutable(Path.of(file))) {
        throw new IllegalStateException(
            "浏览器测试需要 "
                + file
                + "（Debian：apt-get install chromium chromium-driver；"
                + "或用 -Dwebdriver.chrome.driver= 与 -Dduban.browser.binary= 指定）");
      }
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("duban-chromium-");
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        "--lang=zh-CN",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN"));
    // the console (script errors, failed requests) goes into a failed wait's message
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.WARNING);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            // The webapps show dates in the browser's time zone: the district's, not the build
            // machine's. The browser's
            // own texts ("Choose File", the "required field" bubble) follow its UI language:
            // Chinese where Debian's
            // chromium-l10n is installed, English otherwise; the webapps' texts do not depend on
            // it.
            .withEnvironment(
                Map.of("TZ", "Asia/Shanghai", "LANGUAGE", "zh_CN", "LANG", "zh_CN.UTF-8"))
            .build();
    try {
      Browser browser = new Browser(profile, service, new ChromeDriver(service, options));
      Runtime.getRuntime().addShutdownHook(new Thread(browser::closeQuietly, "chromium-stop"));
      return browser;
    } catch (RuntimeException e) {
      service.stop();
      deleteQuietly(profile);
      throw e;
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  static final By USERNAME = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
  static final By PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
  static final By LOGIN_BUTTON = By.cssSelector("form[name='signinForm'] button[type='submit']");

  /**
   * Opens the webapp and logs in with the demo password. On a busy machine the first, cold page
   * load has been seen to stay at the splash screen (a reload gets it from the warm server), a
   * login to take longer than the wait, and the form to send what was typed into the wrong field
   * (the webapp then says 登录失败 at once: the form is loaded afresh and filled again, after the few
   * seconds the engine holds back a user whose login failed). Logged in means the webapps' own API
   * knows the user, not merely that the form has gone.
   */
  void login(String app, String user) {
    for (int attempt = 1; ; attempt++) {
      if (attempt > 1 && loggedInAs(user)) {
        return;
      }
      openLoginForm(app);
      type(USERNAME, user);
      type(PASSWORD, "demo");
      click(LOGIN_BUTTON);
      try {
        waitUntil(
            Duration.ofSeconds(attempt < 3 ? 20 : 60),
            user + " 登录后仍停在登录页",
            d -> loggedInAs(user) || bodyText().contains("登录失败"));
      } catch (TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
        continue;
      }
      if (loggedInAs(user)) {
        return;
      }
      if (attempt == 3) {
        throw new AssertionError(user + " 三次登录均被拒绝：" + bodyText());
      }
      Node.sleep(LOGIN_HOLD_BACK);
    }
  }

  /** How long the engine holds back a user after a failed login, at first. */
  private static final Duration LOGIN_HOLD_BACK = Duration.ofSeconds(3);

  private void openLoginForm(String app) {
    for (int load = 1; ; load++) {
      open(app);
      try {
        // the form is ready once its button speaks Chinese (the translations have loaded)
        waitUntil(
            Duration.ofSeconds(90),
            "登录表单没有出现",
            d ->
                d.findElements(LOGIN_BUTTON).stream()
                    .anyMatch(b -> b.isDisplayed() && b.getText().contains("登录")));
        return;
      } catch (TimeoutException e) {
        if (load == 3) {
          throw e;
        }
      }
    }
  }

  private boolean loggedInAs(String user) {
    if (driver.findElements(USERNAME).stream().anyMatch(WebElement::isDisplayed)) {
      return false;
    }
    Object who =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin',"
                    + " headers: {'Accept': 'application/json'}})"
                    + ".then(function (r) { return r.ok ? r.json() : {}; })"
                    + ".then(function (b) { done(b.userId || ''); }, function () { done(''); });");
    return user.equals(who);
  }

  /** A wait whose failure says {@code failure} and what the page showed then. */
  private WebDriverWait await(Duration timeout, String failure) {
    WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
    wait.withMessage(() -> failure + whatItShows());
    return wait;
  }

  /** Waits until the element is displayed. */
  WebElement visible(By locator) {
    return await(WAIT, "没有出现：" + locator)
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Tasklist's 启动流程. */
  static final By START_PROCESS = By.cssSelector(".start-process-action a");

  /**
   * Opens the process's start form from Tasklist's 启动流程 and waits until {@code loaded} shows. A
   * click on the process that the form does not follow within 20 seconds (the list still shows, or
   * the dialog has closed) is made again, twice at most, as a person would, and said on stderr with
   * what the page showed; while the dialog shows neither list nor form, the form is still loading.
   */
  void openStartForm(String process, By loaded) {
    By link =
        By.xpath("//ul[contains(@class,'processes')]//a[normalize-space(.)='" + process + "']");
    By dialog = By.cssSelector(".modal-content");
    String failure = "「" + process + "」的启动表单没有出现";
    click(START_PROCESS);
    for (int attempt = 1; ; attempt++) {
      click(link);
      try {
        waitUntil(Duration.ofSeconds(20), failure, d -> shows(loaded));
        return;
      } catch (TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
        System.err.println("点击「" + process + "」后表单没有出现，再试一次：" + e.getMessage());
      }
      waitUntil(failure, d -> shows(loaded) || shows(link) || !shows(dialog));
      if (shows(loaded)) {
        return;
      }
      if (!shows(link)) {
        click(START_PROCESS);
      }
    }
  }

  /** Whether an element the locator finds is displayed. */
  boolean shows(By locator) {
    return driver.findElements(locator).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Waits until the element is displayed and enabled, then clicks it. */
  void click(By locator) {
    await(WAIT, "无法点击：" + locator)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class)
        .until(
            d -> {
              WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
              if (element == null) {
                return false;
              }
              // the fixed footer may cover a button at the bottom of a scrolled pane
              ((JavascriptExecutor) d)
                  .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
              element.click();
              return true;
            });
  }

  /**
   * Types the text into the input until the input holds it. AngularJS may re-render a view once its
   * translations have loaded, replacing the elements found a moment before; each attempt looks the
   * input up again.
   */
  void type(By locator, String text) {
    await(WAIT, "无法在 " + locator + " 中输入：" + text)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement input = d.findElement(locator);
              if (!text.equals(input.getDomProperty("value"))) {
                input.clear();
                input.sendKeys(text);
              }
              return text.equals(d.findElement(locator).getDomProperty("value"));
            });
  }

  /** Waits until the condition holds, failing with the message. */
  void waitUntil(String failure, Function<WebDriver, Boolean> condition) {
    waitUntil(WAIT, failure, condition);
  }

  void waitUntil(Duration timeout, String failure, Function<WebDriver, Boolean> condition) {
    await(timeout, failure).ignoring(StaleElementReferenceException.class).until(condition);
  }

  /**
   * What the page shows when a wait fails, so that a failure on CI, where the screenshot stays
   * behind, says what went wrong: the text of the open dialog (or of the page), and the last ten
   * warnings and errors of the browser's console since they were last read.
   */
  private String whatItShows() {
    try {
      Object shown =
          ((JavascriptExecutor) driver)
              .executeScript(
                  "var modal = document.querySelector('.modal-content');"
                      + " var text = (modal || document.body || {}).innerText || '';"
                      + " return text.replace(/\\s+/g, ' ').trim();");
      StringBuilder out = new StringBuilder("\n页面显示：").append(excerpt(String.valueOf(shown)));
      List<LogEntry> console = driver.manage().logs().get(LogType.BROWSER).getAll();
      for (LogEntry entry : console.subList(Math.max(0, console.size() - 10), console.size())) {
        out.append("\n浏览器控制台：").append(excerpt(entry.getMessage()));
      }
      return out.toString();
    } catch (RuntimeException e) {
      return "\n（页面内容读取失败：" + e.getClass().getSimpleName() + "）";
    }
  }

  private static String excerpt(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "……";
  }

  /** Scrolls the element to the middle of its scrolling pane (for a screenshot that shows it). */
  void scrollTo(By locator) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", visible(locator));
  }

  /** Waits until the page's visible text contains every one of the texts. */
  /**
   * Waits until every text is shown: as the page's text, or as the value of a (disabled) field that
   * shows it.
   */
  void waitForText(String... texts) {
    await(WAIT, "页面没有出现：" + String.join("、", texts))
        .until(
            d -> {
              String shown = shownText();
              return Stream.of(texts).allMatch(shown::contains);
            });
  }

  /**
   * The page's text and the values its fields show (forms show the engine's values in disabled
   * fields).
   */
  String shownText() {
    Object text =
        ((JavascriptExecutor) driver)
            .executeScript(
                "var out = [document.body ? document.body.innerText : ''];"
                    + "document.querySelectorAll('input:not([type=file]):not([type=hidden]),textarea').forEach("
                    + "function (e) { if (e.value) { out.push(e.value); } });"
                    + "return out.join('\\n');");
    return text == null ? "" : text.toString();
  }

  String bodyText() {
    Object text =
        ((JavascriptExecutor) driver)
            .executeScript("return document.body ? document.body.innerText : '';");
    return text == null ? "" : text.toString();
  }

  String pageSource() {
    return driver.getPageSource();
  }

  /**
   * The visible texts and attribute values (placeholder, value, title) of every element: what a
   * user can read.
   */
  String readableText() {
    Object text =
        ((JavascriptExecutor) driver)
            .executeScript(
                "var out = [document.body ? document.body.innerText : ''];"
                    + "document.querySelectorAll('[placeholder],[title],input[type=submit],input[type=button]').forEach("
                    + "function (e) { ['placeholder', 'title', 'value'].forEach(function (a) {"
                    + "  if (e.getAttribute(a)) { out.push(e.getAttribute(a)); } }); });"
                    + "return out.join('\\n');");
    return text == null ? "" : text.toString();
  }

  Path screenshot(String name) {
    Path target = SCREENSHOTS.resolve(name + ".png");
    try {
      Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /**
   * After a failure: a screenshot and the page source, named after the test, for whoever reads the
   * build log.
   */
  void saveFailure(String name) {
    try {
      screenshot(name + "-FAILED");
      Files.writeString(
          SCREENSHOTS.resolve(name + "-FAILED.html"),
          "<!-- " + driver.getCurrentUrl() + " -->\n" + pageSource(),
          StandardCharsets.UTF_8);
    } catch (RuntimeException | IOException e) {
      System.err.println("浏览器测试失败现场保存失败：" + e);
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException ignored) {
      // the JVM is ending; chromedriver ends with it
    }
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }
}
