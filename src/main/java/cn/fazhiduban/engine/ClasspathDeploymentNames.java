package cn.fazhiduban.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;

/**
 * Deploys the models and forms under their classpath names ({@code
 * processes/task-supervision.bpmn}, {@code forms/progress-report.html}). The starter would name
 * them by absolute file path (or bare file name inside a jar), and then {@code
 * embedded:deployment:forms/…} and {@code camunda-forms:deployment:forms/…} find nothing, so
 * Tasklist could not show a single form.
 */
@Configuration
class ClasspathDeploymentNames {

  @Bean
  static CamundaDeploymentConfiguration camundaDeploymentConfiguration() {
    return new DefaultDeploymentConfiguration() {
      @Override
      public Set<Resource> getDeploymentResources() {
        List<String> roots =
            camundaBpmProperties.getDeploymentResourcePattern() == null
                ? List.of()
                : List.of(camundaBpmProperties.getDeploymentResourcePattern()).stream()
                    .map(ClasspathDeploymentNames::root)
                    .distinct()
                    .toList();
        Set<Resource> named = new LinkedHashSet<>();
        for (Resource resource : super.getDeploymentResources()) {
          named.add(new Named(resource, nameOf(resource, roots)));
        }
        return named;
      }
    };
  }

  /**
   * The fixed folder a pattern starts with: {@code classpath*:forms/**}{@code /*.html} gives {@code
   * forms/}.
   */
  static String root(String pattern) {
    String path = pattern.substring(pattern.indexOf(':') + 1);
    int wildcard = path.indexOf('*');
    String fixed = wildcard < 0 ? path : path.substring(0, wildcard);
    return fixed.substring(0, fixed.lastIndexOf('/') + 1);
  }

  /**
   * A resource's name from its pattern's root folder on, wherever the classpath entry holding it
   * lies.
   */
  static String nameOf(Resource resource, List<String> roots) {
    try {
      String url = resource.getURL().toString();
      int best = -1;
      for (String root : roots) {
        if (!root.isEmpty()) {
          best = Math.max(best, url.lastIndexOf("/" + root));
        }
      }
      return best < 0 ? resource.getFilename() : url.substring(best + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("部署资源无法读取：" + resource, e);
    }
  }

  /** The resource's content under the name the engine should store it by. */
  static final class Named extends ByteArrayResource implements ContextResource {
    private final String name;

    Named(Resource resource, String name) {
      super(read(resource), name);
      this.name = name;
    }

    private static byte[] read(Resource resource) {
      try {
        return resource.getContentAsByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException("部署资源无法读取：" + resource, e);
      }
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public String getFilename() {
      return name.substring(name.lastIndexOf('/') + 1);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Named named && named.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
