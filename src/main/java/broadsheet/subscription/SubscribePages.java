package broadsheet.subscription;

import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.ProblemJson;
import broadsheet.web.ReaderAccess;
import broadsheet.web.SignedInReader;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.subscription.JtesubscribeGenerated;
import gg.jte.generated.precompiled.subscription.JtesubscribenoticeGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader's side of subscribing: the plans page ({@code /subscribe}, the same for everyone, so a CDN may keep
 * it), a plan's subscribe button (off to the payment provider's checkout for a signed-in reader, to sign-up for
 * anyone else, or to a page saying how the paper arranges subscriptions when it takes no payments here), the page
 * a reader comes back to after paying, the way to the provider's page for changing a subscription, and Stripe's
 * webhook. The only address off this site the pages send anyone to is the one the provider gave for them.
 */
public final class SubscribePages {
    private static final Logger log = LoggerFactory.getLogger(SubscribePages.class);
    private static final Template<PlansView> PLANS = JtesubscribeGenerated::render;
    private static final Template<NoticeView> NOTICE = JtesubscribenoticeGenerated::render;
    private final Plans plans;
    private final Entitlements entitlements;
    private final Optional<PaymentProvider> payments;
    private final StripeEvents stripe;
    private final SiteInfo siteInfo;
    private final Pages pages;
    private final Clock clock;

    /** {@code payments}: empty when the paper takes no payments here (admins grant subscriptions). */
    public SubscribePages(Plans plans, Entitlements entitlements, Optional<PaymentProvider> payments, StripeEvents stripe, SiteInfo siteInfo,
                          Pages pages, Clock clock) {
        this.plans = plans;
        this.entitlements = entitlements;
        this.payments = payments;
        this.stripe = stripe;
        this.siteInfo = siteInfo;
        this.pages = pages;
        this.clock = clock;
    }

    /** The plans page: every plan on sale with its price and subscribe button. */
    public record PlansView(Site site, Meta meta, List<Plan> plans, boolean payments) {}

    /**
     * A short page that says one thing; {@code confirm} is the plan a signed-in reader confirms (with their form
     * token) before being sent to pay, or null.
     */
    public record NoticeView(Site site, Meta meta, String heading, List<String> paragraphs, Plan confirm, String csrf) {}

    /** {@code GET /subscribe}. */
    public void show(Context ctx) {
        Site site = siteInfo.site();
        Meta meta = Meta.of("Subscribe · " + site.name(), "Subscribe to " + site.name() + ": the plans and their prices.",
                site.absolute("/subscribe"));
        pages.html(ctx, PLANS, new PlansView(site, meta, plans.active(), payments.isPresent()), CachePolicy.PUBLIC_PAGE, List.of("plans"));
    }

    /**
     * {@code POST /subscribe/{planId}}. The plans page is shared by everyone, so its buttons carry no reader's form
     * token: a signed-in reader's first press shows a page asking them to confirm, whose form carries theirs; only a
     * press with their token starts a checkout.
     */
    public void subscribe(Context ctx) {
        Plan plan = activePlan(ctx);
        Optional<SignedInReader> reader = ReaderAccess.current(ctx);
        if (reader.isEmpty()) {
            redirect(ctx, "/account/signup?next=/subscribe");
            return;
        }
        if (payments.isEmpty()) {
            offline(ctx);
            return;
        }
        if (!readerFormToken(ctx, reader.get())) {
            notice(ctx, 200, "Subscribe: " + plan.name(), List.of(plan.name() + ": " + plan.pricePerPeriod() + ". You pay on Stripe's secure "
                    + "page, then come back here; you can cancel at any time."), plan, reader.get().csrf());
            return;
        }
        String base = siteInfo.site().baseUrl();
        var checkout = new PaymentProvider.Checkout(reader.get().id(), reader.get().email(), plan, stripe.customerOf(reader.get().id()).orElse(null),
                base + "/payments/return", base + "/subscribe");
        try {
            redirect(ctx, payments.get().checkout(checkout));
        } catch (PaymentProvider.PaymentException e) {
            log.warn("Checkout for reader {} failed: {}", reader.get().id(), e.getMessage());
            throw unavailable();
        }
    }

    /** {@code GET /payments/return}: where the provider sends a reader after paying. */
    public void returned(Context ctx) {
        notice(ctx, 200, "Thank you", List.of("Thank you for subscribing. Your access starts as soon as the payment is confirmed, "
                + "usually within a minute; reload an article then to read it in full."), null, null, CachePolicy.PUBLIC_PAGE);
    }

    /** {@code POST /payments/portal}: an entitled reader who pays through Stripe, to Stripe's page for changing it. */
    public void portal(Context ctx) {
        // Role.READER: the access check has made sure of the reader and their form token
        Optional<SignedInReader> reader = ReaderAccess.current(ctx);
        Optional<String> customer = stripe.customerOf(reader.get().id());
        if (payments.isEmpty() || customer.isEmpty() || !entitlements.entitled(reader.get().id(), clock.instant())) {
            notice(ctx, 409, "Nothing to manage here", List.of("Your account has no subscription paid through this site to change. "
                    + "A subscription the paper arranged for you is changed by the paper."), null, null);
            return;
        }
        try {
            redirect(ctx, payments.get().portal(customer.get(), siteInfo.site().baseUrl() + "/account"));
        } catch (PaymentProvider.PaymentException e) {
            log.warn("Customer Portal for reader {} failed: {}", reader.get().id(), e.getMessage());
            throw unavailable();
        }
    }

    /** {@code POST /payments/stripe/webhook}: 200 once applied (or already applied), 400 problem JSON and nothing changed when refused. */
    public void webhook(Context ctx) {
        String payload = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        switch (stripe.receive(payload, ctx.header("Stripe-Signature"))) {
            case StripeEvents.Outcome.Refused r -> {
                log.warn("Refused a Stripe webhook delivery: {}", r.why());
                ProblemJson.of(400, "Not a Stripe event", "The delivery was refused: " + r.why() + ". Nothing was changed.")
                        .send(ctx, CachePolicy.NO_STORE);
            }
            case StripeEvents.Outcome.Applied a -> {
                log.info("Stripe event {}: {}", a.id(), a.effect());
                received(ctx);
            }
            case StripeEvents.Outcome.Replayed r -> received(ctx);
        }
    }

    private static void received(Context ctx) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.contentType("application/json").result("{\"received\":true}");
    }

    private void offline(Context ctx) {
        String name = siteInfo.site().name();
        notice(ctx, 200, "Subscriptions are arranged by the paper", List.of(
                name + " does not take payments on this site. Subscriptions are arranged with the paper directly: contact "
                        + name + "'s subscriptions desk, giving the email address of your account here.",
                "Once it is arranged, the paper switches on your access, and you read every article in full when signed in."), null, null);
    }

    private void notice(Context ctx, int status, String heading, List<String> paragraphs, Plan confirm, String csrf) {
        notice(ctx, status, heading, paragraphs, confirm, csrf, CachePolicy.NO_STORE);
    }

    /** A notice page; only one the same for everyone may be {@link CachePolicy#PUBLIC_PAGE}. */
    private void notice(Context ctx, int status, String heading, List<String> paragraphs, Plan confirm, String csrf, CachePolicy policy) {
        Site site = siteInfo.site();
        Meta meta = Meta.of(heading + " · " + site.name(), heading, site.absolute("/subscribe")).asNoindex();
        ctx.status(status);
        pages.html(ctx, NOTICE, new NoticeView(site, meta, heading, paragraphs, confirm, csrf), policy, List.of("plans"));
    }

    private Plan activePlan(Context ctx) {
        long id = PageForm.id(ctx, "planId");
        return plans.find(id).filter(Plan::active).orElseThrow(() -> new HttpProblem(404, "Plan not found",
                "That plan is not on sale any more. See the plans on sale at /subscribe."));
    }

    /** Whether the form carries the signed-in reader's own form token (until the route table checks it for reader forms). */
    private static boolean readerFormToken(Context ctx, SignedInReader reader) {
        String given = ctx.formParam("_csrf");
        return given != null && MessageDigest.isEqual(reader.csrf().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpProblem unavailable() {
        return new HttpProblem(502, "Payments briefly unavailable", "The payment service could not be reached. Nothing was charged; "
                + "please try again in a few minutes.");
    }

    private static void redirect(Context ctx, String to) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }
}
