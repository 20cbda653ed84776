package care.seamless;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import care.seamless.audit.AuditLog;
import care.seamless.audit.ChainVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

@Command(name = "audit", description = "Work with the audit log.", subcommands = AuditCommand.Verify.class)
class AuditCommand {

	@Command(name = "verify",
			description = "Re-compute the audit log's hash chain. Exits 1 and names the first broken entry if any entry was altered or removed.")
	static class Verify implements Callable<Integer> {

		@Unmatched
		List<String> springArguments = new ArrayList<>();

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			List<String> args = new ArrayList<>(springArguments);
			args.add("--seamless.demo=false");
			// A default, not an argument: one given on the command line replaces it
			// instead of being joined to it ("WARN,WARN", which fails to start).
			try (var context = new SpringApplicationBuilder(SeamlessApplication.class).web(WebApplicationType.NONE)
				.properties("logging.level.root=WARN")
				.run(CommandContext.arguments(args))) {
				ChainVerification result = context.getBean(AuditLog.class).verify();
				if (result.intact()) {
					spec.commandLine()
						.getOut()
						.println("Audit log intact: " + result.checked() + " entries checked, head hash "
								+ result.headHash() + "; " + result.awaitingChain() + " newer entries await chaining");
					return 0;
				}
				spec.commandLine()
					.getErr()
					.println("Audit log BROKEN at entry " + result.firstBrokenSeq() + ": " + result.problem());
				return 1;
			}
		}

	}

}
