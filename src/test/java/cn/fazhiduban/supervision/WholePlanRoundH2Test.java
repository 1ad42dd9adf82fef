package cn.fazhiduban.supervision;

import cn.fazhiduban.support.OneEngineAtATime;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@OneEngineAtATime
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WholePlanRoundH2Test extends WholePlanRoundTest {}
