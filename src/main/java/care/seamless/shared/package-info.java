/**
 * Values every module uses: identifiers, the acting user, purposes, data categories and
 * error codes. Nothing here depends on any other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared values")
@org.jspecify.annotations.NullMarked
package care.seamless.shared;
