package cn.fazhiduban.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code duban.tuning.*}; the default lives in {@code application.yaml} only (the benchmark's stock
 * profile switches it off).
 *
 * @param engineIndexes make our indexes on the engine's tables (see EngineIndexes)
 */
@Validated
@ConfigurationProperties("duban.tuning")
public record TuningProperties(boolean engineIndexes) {}
