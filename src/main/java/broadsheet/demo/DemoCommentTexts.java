package broadsheet.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the demo's readers write under articles: short comments and replies put together from sentences a reader
 * of each section might write, one or two paragraphs, never the same sentence twice in one comment. Invented for
 * the demo; follows from the random source it is given.
 */
final class DemoCommentTexts {
    private DemoCommentTexts() {}

    private static final List<String> OPENERS = List.of(
            "Good piece.", "Thank you for this.", "I read this twice.", "Well reported, as usual.", "Finally, someone says it.",
            "A sobering read.", "Interesting article.", "Long-time reader, first comment.", "Sharp reporting.",
            "I was hoping someone would cover this.");

    private static final List<String> GENERAL = List.of(
            "The detail in the fourth paragraph is what stays with me, and I wish it had been higher up.",
            "I would like to know who actually pays for this in the end, because it is never the people announcing it.",
            "Nothing here surprises me, which is perhaps the most depressing part.",
            "It would help to see last year's figures alongside these ones.",
            "My family has lived with the consequences of this for years, and nobody ever asked us.",
            "There is a version of this story that ends well, but it needs someone to take responsibility.",
            "The quotes from people on the ground tell you more than any of the official statements.",
            "I have changed my mind on this more than once, and this article has not settled it.",
            "Let us see what happens in six months before anyone declares victory.",
            "I keep waiting for a plan, and I keep getting a press release.",
            "This is the kind of reporting I pay for.",
            "Can we have a follow-up in a year? These stories tend to vanish once the cameras leave.",
            "Both sides have a point, and both are pretending the other does not.",
            "The timing of the announcement is doing a lot of work here.",
            "It is not complicated: fund it properly or stop pretending to care.",
            "I worked in this field for twenty years and the article gets the essentials right.",
            "Someone should ask why this was not done a decade ago, when it would have cost half as much.",
            "I am not convinced the numbers add up, but I would be glad to be shown otherwise.",
            "Odd that nobody quoted in the piece is under fifty.",
            "What a mess. And yet I suspect it will be forgotten by the weekend.",
            "Fair and balanced, which is rarer than it ought to be.",
            "The people who will be affected most are the ones least likely to read this.",
            "It is easy to be cynical, but the last paragraph gave me some hope.",
            "I would have liked one more paragraph on what happens next.",
            "The photograph says more than the statement does.",
            "We were promised a consultation. This is not what a consultation looks like.",
            "There is a real story here about who gets listened to and who does not.",
            "Credit where it is due: this was handled better than the last time.");

    private static final Map<String, List<String>> SECTIONS = Map.of(
            "politics", List.of(
                    "The minister's answer in the Commons was not an answer at all.",
                    "Every government promises to fix this and every opposition promises to do it faster.",
                    "A vote this close tells you the party is more divided than it admits.",
                    "I would like to see the costings before the manifesto, not after the election.",
                    "The backbenchers are clearly nervous, and with good reason.",
                    "Local councillors have been warning about this for years."),
            "world-news", List.of(
                    "It is hard to follow from here, so the timeline at the end helped a great deal.",
                    "I have family in the region and what they describe is worse than what is reported.",
                    "The ceasefire will only hold if the neighbours want it to.",
                    "Diplomacy is slow and dull, and it is still better than the alternative.",
                    "Good to see a correspondent actually there rather than summarising agency copy."),
            "uk-news", List.of(
                    "Our town had exactly the same problem last winter and the council did nothing.",
                    "The trains on that line have been unreliable for as long as I can remember.",
                    "Another report, another promise. The potholes on my road are still there.",
                    "Hospitals cannot keep running on goodwill alone.",
                    "The court's decision seems sensible, whatever the other papers say tomorrow."),
            "business", List.of(
                    "Shareholders will be fine; it is the staff I worry about.",
                    "Prices went up quickly enough. Let us see how quickly they come down.",
                    "Small firms carry the risk and get none of the headlines.",
                    "The central bank is in an impossible position, and I do not envy them.",
                    "I would take the forecasts with a pinch of salt: they were wrong last time as well."),
            "sport", List.of(
                    "Three points are three points, but that second half was painful to watch.",
                    "The manager has to take some of the blame for those substitutions.",
                    "Best performance I have seen from the youngster all season.",
                    "The referee got the big decision right, whatever the away end thought.",
                    "I was there, and the atmosphere was something else.",
                    "We need a proper holding midfielder, and we have needed one since August."),
            "culture", List.of(
                    "Saw it on opening night and agree with every word of this review.",
                    "Four stars seems generous to me; the second act dragged.",
                    "I read the book first, and the adaptation is better than I feared.",
                    "Our local theatre deserves this kind of attention too.",
                    "The critic is right about the lighting, which was extraordinary."),
            "science", List.of(
                    "The sample size matters here, and the article is honest about it.",
                    "Good to see the researchers' caveats reported, not just the headline figure.",
                    "My daughter is studying this at university and sent me the link.",
                    "Peer review is slow, but it exists for a reason.",
                    "The diagram explained it better than my textbooks ever did."),
            "opinion", List.of(
                    "I disagree with almost all of this column and enjoyed reading it anyway.",
                    "The columnist is right about the problem and wrong about the solution.",
                    "A column that changes nobody's mind is still worth writing if it is this well argued.",
                    "I would like to see the same scrutiny applied to the other side.",
                    "This is the clearest statement of the argument I have read."));

    private static final List<String> REPLIES = List.of(
            "I take your point, but I think you are being a little too kind to them.",
            "Exactly this.",
            "Do you have a source for that? I would genuinely like to read it.",
            "Agreed, though the same was true ten years ago.",
            "Not in my experience, I am afraid.",
            "That is a fair question, and the article does not really answer it.",
            "You are right about the cost, but the alternative costs more.",
            "I said the same thing last week and was told I was being negative.",
            "Respectfully, I think you have misread the second half of the piece.",
            "Well put.",
            "Could not disagree more, but thank you for making the case politely.",
            "Same here. We wrote to our MP and got a form letter back.",
            "The figures are in the report linked at the bottom, for what it is worth.",
            "Ha, yes. Some things never change.",
            "I would have agreed a year ago. Now I am less sure.",
            "That is the best summary of the whole thing on this page.",
            "Thank you, that is useful context I did not have.",
            "It is not either-or, though. We can do both.",
            "I was about to write the same, so I will just recommend yours.",
            "Surely the point is that nobody asked the people affected?",
            "You make it sound simple. It really is not.",
            "Where I live it is the other way round, oddly enough.");

    /** A top-level comment on an article of the section. */
    static String comment(String section, SplittableRandom r) {
        List<String> own = SECTIONS.getOrDefault(section, List.of());
        List<String> used = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (r.nextDouble() < 0.25) text.append(pick(OPENERS, used, r)).append(' ');
        text.append(pick(!own.isEmpty() && r.nextDouble() < 0.5 ? own : GENERAL, used, r));
        if (r.nextDouble() < 0.5) text.append(' ').append(pick(GENERAL, used, r));
        if (r.nextDouble() < 0.15) text.append("\n\n").append(pick(own.isEmpty() ? GENERAL : own, used, r));
        return text.toString();
    }

    /** A reply to another reader. */
    static String reply(String section, SplittableRandom r) {
        List<String> used = new ArrayList<>();
        StringBuilder text = new StringBuilder(pick(REPLIES, used, r));
        double roll = r.nextDouble();
        if (roll < 0.35) text.append(' ').append(pick(GENERAL, used, r));
        else if (roll < 0.5) text.append(' ').append(pick(SECTIONS.getOrDefault(section, GENERAL), used, r));
        return text.toString();
    }

    private static String pick(List<String> from, List<String> used, SplittableRandom r) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String s = from.get(r.nextInt(from.size()));
            if (!used.contains(s)) {
                used.add(s);
                return s;
            }
        }
        String s = from.get(r.nextInt(from.size()));
        used.add(s);
        return s;
    }
}
