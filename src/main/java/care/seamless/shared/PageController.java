package care.seamless.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller that answers with pages: Spring's {@code @Controller}, marked so that the
 * page advices (the header's user, the session's timing) apply to it and to no
 * {@code @RestController}, which is a {@code @Controller} too and would otherwise run
 * them on every API call for a model nobody renders (ADR 85). Every {@code @Controller}
 * that is not a {@code @RestController} carries it ({@code ArchitectureTests}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

	@AliasFor(annotation = Controller.class)
	String value() default "";

}
