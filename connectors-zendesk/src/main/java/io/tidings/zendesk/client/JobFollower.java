package io.tidings.zendesk.client;

import java.time.Duration;

/** Follows a Zendesk background job until it is finished, polling its status. */
public final class JobFollower {

    private final ZendeskClient client;
    private final Duration pollInterval;
    private final int maxPolls;

    /**
     * @param pollInterval the wait between two reads of the job's status
     * @param maxPolls     how many reads before giving up on a job that does not finish
     */
    public JobFollower(ZendeskClient client, Duration pollInterval, int maxPolls) {
        this.client = client;
        this.pollInterval = pollInterval;
        this.maxPolls = maxPolls;
    }

    /** The job once finished (completed, failed or killed). */
    public JobStatus awaitFinished(JobStatus job) {
        JobStatus current = job;
        for (int poll = 0; !current.finished(); poll++) {
            if (poll == maxPolls) {
                throw new ZendeskApiException(0, "job " + job.id() + " still " + current.status() + " after "
                        + maxPolls + " reads");
            }
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ZendeskApiException("interrupted while following job " + job.id(), e);
            }
            current = client.jobStatus(job.id());
        }
        return current;
    }
}
