/**
 * The page shell: sign-in and security, layout and navigation, the caseload home page,
 * error pages, and the glue that turns the signed-in user into an
 * {@link care.seamless.shared.Actor} for every handler. Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
@org.jspecify.annotations.NullMarked
package care.seamless.web;
