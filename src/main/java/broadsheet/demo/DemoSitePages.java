package broadsheet.demo;

import broadsheet.shared.AuditLog;
import broadsheet.sitepage.SitePage;
import broadsheet.sitepage.SitePageStore;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * The demo paper's own pages (about, contact, corrections and complaints, privacy, terms): words about a fictional paper,
 * written once, so the footer has its links. A page an editor has already written is left alone.
 */
public final class DemoSitePages {
    private DemoSitePages() {}

    /** Writes each page that has no text yet, in the name of the paper called {@code paper}. */
    public static void ensure(SitePageStore store, String paper, Instant now, PrintStream out) {
        int written = 0;
        AuditLog.Actor demo = AuditLog.Actor.system("demo");
        for (SitePage page : store.all()) {
            if (page.written()) continue;
            String text = TEXTS.get(page.kind()).replace("{paper}", paper);
            if (store.save(demo, page.kind(), page.kind().title(), text, now) instanceof SitePageStore.Outcome.Saved) written++;
        }
        if (written > 0) out.println("Wrote " + written + " of the paper's own pages (about, contact, corrections, privacy, terms).");
    }

    private static final Map<SitePage.Kind, String> TEXTS = Map.of(
            SitePage.Kind.ABOUT, """
                    {paper} is an independent daily paper for Northmere and the coast around it, from Port Ellery to the
                    Carrow valley. It was founded in 1871 by a printer and a harbourmaster who thought the town deserved better
                    than rumour, and it has been published every weekday since, on paper until 2009 and online ever since.

                    ## What we cover
                    Local politics and the courts, the harbour and the businesses that live off it, schools and hospitals,
                    sport on Saturday afternoons, and the arts in a region that has more of them than its size suggests. We
                    also report the world where it touches our readers’ lives.

                    ## Who pays for it
                    Our readers do. Most of what we publish is free to read; some of it is for subscribers, whose money pays
                    for the reporting. We take no money from political parties, and advertisers never see a story before it
                    is published.

                    ## Who we are
                    A newsroom of twenty-two journalists, editors and photographers in the old sail loft on Quay Street. You
                    can read about each of our writers on [their pages](/authors/).
                    """,
            SitePage.Kind.CONTACT, """
                    ## The newsroom
                    Write to news@broadsheet.example, or call 01632 960 400 between 8am and 10pm, every day of the week.
                    If you have a story for us, tell us what you know and how we can reach you; we read everything, even when
                    we cannot answer.

                    ## Letters to the editor
                    Letters for publication go to letters@broadsheet.example. Keep them under 250 words and include your
                    name and the town you live in; we may shorten them.

                    ## Subscriptions
                    For your account, a subscription or a gift link, write to readers@broadsheet.example.

                    ## By post
                    {paper}, The Sail Loft, 14 Quay Street, Northmere NM1 4QT.
                    """,
            SitePage.Kind.CORRECTIONS, """
                    We try to get things right, and when we do not, we say so. Every article shows what changed after it was
                    first published in a box headed “What changed”: a correction when we got a fact wrong, a clarification
                    when what we wrote could be misread, an update when the story moved on.

                    ## Asking for a correction
                    If you think we have made a mistake, write to corrections@broadsheet.example with the article's address
                    and what you think is wrong. The readers’ editor, who does not answer to the newsroom, replies within
                    two working days and decides whether the article should change.

                    ## Complaints
                    If you are unhappy with the answer, or your complaint is about how we behaved rather than what we
                    published, write to the readers’ editor at the same address, marked “Complaint”. We publish a summary of
                    the complaints we receive, and what we did about them, every quarter.
                    """,
            SitePage.Kind.PRIVACY, """
                    This notice says what {paper} keeps about you when you read the site, and why.

                    ## If you only read
                    We keep no record of who you are. To count the free articles you have read this month, your browser keeps
                    a small cookie with a signed count; it holds nothing else. We load nothing from other companies: no
                    advertising networks, no tracking scripts, no share buttons that report back.

                    ## If you have an account
                    We keep your e-mail address, your name if you give one, a scrambled form of your password, and your
                    subscription. If you comment, we keep your comments and the name you show with them. You can change any
                    of it, download it, or delete your account from your account page at any time.

                    ## Who sees it
                    Our staff, to run the site and answer you; the company that takes card payments, for subscriptions. We
                    sell nothing to anyone. Questions go to privacy@broadsheet.example.
                    """,
            SitePage.Kind.TERMS, """
                    These terms apply when you use the {paper} website.

                    ## Our articles
                    You may read, print and share links to anything we publish. Please do not copy whole articles elsewhere
                    without asking us first; quoting a few lines with a link back is always welcome.

                    ## Subscriptions
                    A subscription renews each month or year until you cancel it, which you can do from your account page;
                    it then runs to the end of the period you have paid for. Gift links you make are for friends, not for
                    publishing.

                    ## Comments
                    Comments are for discussion of the article. We remove those that are abusive, defamatory or off topic,
                    and we may suspend accounts that keep breaking these rules. You remain responsible for what you write.
                    """);
}
