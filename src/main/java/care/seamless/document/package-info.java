/**
 * The documents Seamless gives to people (letters, the person's copy of their plan) as
 * tagged, accessible PDFs, laid out from the same Thymeleaf templates as the pages so the
 * two never say different things (ADR 21). It knows nothing of the modules that use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents for people", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package care.seamless.document;
