package cn.fazhiduban.security;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.web.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators (the {@code /api/admin/**} rule in {@link SecurityConfig}): which users are
 * held back by failed logins and which client addresses are throttled, and lifting either. Camunda
 * Admin offers the same for one user (用户 → 账户 → 解锁用户) but lists no locks, hence this list.
 */
@RestController
@RequestMapping("/api/admin/locks")
class LockController {

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final EngineClock clock;

  LockController(IdentityService identityService, LoginThrottle throttle, EngineClock clock) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.clock = clock;
  }

  @GetMapping
  Map<String, Object> locks() {
    Instant now = clock.now();
    List<Map<String, Object>> users = new ArrayList<>();
    for (User user : identityService.createUserQuery().list()) {
      if (user instanceof UserEntity entity
          && entity.getLockExpirationTime() != null
          && entity.getLockExpirationTime().toInstant().isAfter(now)) {
        users.add(
            Map.of(
                "user",
                entity.getId(),
                "failedAttempts",
                entity.getAttempts(),
                "lockedUntil",
                beijing(entity.getLockExpirationTime().toInstant())));
      }
    }
    List<Map<String, Object>> addresses = new ArrayList<>();
    throttle
        .blocked()
        .forEach(
            (address, until) ->
                addresses.add(Map.of("address", address, "blockedUntil", beijing(until))));
    return Map.of("users", users, "addresses", addresses);
  }

  @PostMapping("/users/{userId}/unlock")
  Map<String, Object> unlockUser(@PathVariable String userId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "没有这个用户：" + LogText.safe(userId));
    }
    identityService.unlockUser(userId);
    return Map.of("user", userId, "unlocked", true);
  }

  @PostMapping("/addresses/{address}/unblock")
  Map<String, Object> unblockAddress(@PathVariable String address) {
    return Map.of("address", address, "unblocked", throttle.clear(address));
  }

  private static String beijing(Instant instant) {
    return OffsetDateTime.ofInstant(instant, EngineClock.ZONE).withNano(0).toString();
  }
}
