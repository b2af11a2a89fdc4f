package dev.clusterctl.judge;


/** The fixed parts of a check (id, area, title, description) and result shortcuts. */
abstract class BaseCheck implements Check {

  private final String id;
  private final Area area;
  private final String title;
  private final String description;

  BaseCheck(String id, Area area, String title, String description) {
    this.id = id;
    this.area = area;
    this.title = title;
    this.description = description;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Area area() {
    return area;
  }

  @Override
  public final String title() {
    return title;
  }

  @Override
  public final String description() {
    return description;
  }

  CheckResult.Builder pass(String subject, String message) {
    return CheckResult.of(this, Status.PASS, subject, message);
  }

  CheckResult.Builder warn(String subject, String message) {
    return CheckResult.of(this, Status.WARN, subject, message);
  }

  CheckResult.Builder fail(String subject, String message) {
    return CheckResult.of(this, Status.FAIL, subject, message);
  }

  CheckResult skip(String subject, String message) {
    return CheckResult.of(this, Status.SKIP, subject, message).build();
  }
}
