package cn.fazhiduban;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FazhiDubanApplication {

  static {
    // Tasklist sends a 佐证材料 file (up to 20 MB) as one base64 string, a third larger than the file;
    // Jackson's
    // default limit of 20,000,000 characters per string would refuse it before the form's own
    // limits apply.
    StreamReadConstraints.overrideDefaultStreamReadConstraints(
        StreamReadConstraints.builder().maxStringLength(30_000_000).build());
  }

  public static void main(String[] args) {
    SpringApplication.run(FazhiDubanApplication.class, args);
  }
}
