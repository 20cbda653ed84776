package care.seamless.linkage;

/**
 * Both records already belong to linked people of their own. A record can join a linked
 * person, but two linked people are not merged in one step: unlink the records of one
 * first, then link them one by one.
 */
public class AlreadyLinked extends RuntimeException {

	public AlreadyLinked() {
		super("Both records are already linked to others; unlink one of them first");
	}

}
