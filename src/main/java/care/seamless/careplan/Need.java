package care.seamless.careplan;

/** An assessed need an objective addresses, shown in the reader's own words. */
public record Need(String code, String display) {
}
