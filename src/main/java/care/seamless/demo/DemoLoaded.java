package care.seamless.demo;

import care.seamless.shared.Actor;

/**
 * Published once the demo organisations, staff and people exist, so each module's demo
 * content (assessments, plans) can be added by a class of its own.
 */
record DemoLoaded(Actor loader) {
}
