package cn.fazhiduban.notify;

/**
 * Sends a {@link Notification} over one channel. Inject {@code Notifier} to reach every channel at
 * once (the {@link CompositeNotifier}).
 */
public interface Notifier {

  void send(Notification notification);
}
