package care.seamless.audit.cli;

import picocli.CommandLine.Command;

@Command(name = "audit", description = "Work with the audit log.", subcommands = {})
public class AuditCommand {

}
