package cn.fazhiduban.web;

import java.io.IOException;

/** A request body grew past its limit while it was being read. */
public class RequestTooLargeException extends IOException {

  public RequestTooLargeException(long limit) {
    super("请求内容超过 " + limit + " 字节");
  }
}
