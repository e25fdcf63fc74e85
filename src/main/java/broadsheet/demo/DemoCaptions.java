package broadsheet.demo;

import static broadsheet.demo.DemoLexicon.parse;

import broadsheet.demo.DemoCanvas.Light;
import broadsheet.demo.DemoPictures.Kind;
import broadsheet.demo.DemoPictures.Picture;
import java.util.List;
import java.util.Map;

/**
 * Captions in the newspaper manner for the demo pictures: each kind of picture has its own, which describe
 * the scene and tie it to the story, and the time of day in a caption agrees with the light in the
 * picture. The alt text is the picture's own description of what it shows; the credit is the picture's.
 */
final class DemoCaptions {
    private DemoCaptions() {}

    private static final Map<Light, DemoLexicon> WHEN = Map.of(
            Light.DAWN, parse("when = early on {weekday} | at first light on {weekday}"),
            Light.DAY, parse("when = on {weekday} | on {weekday} afternoon"),
            Light.DUSK, parse("when = on {weekday} evening | as the light faded on {weekday}"),
            Light.NIGHT, parse("when = on {weekday} night | late on {weekday}"));

    private static final Map<Kind, DemoLexicon> CAPTIONS = Map.of(
            Kind.HARBOUR, parse("""
                    caption = Cranes over the quayside {when*}; {group} say the uncertainty over {subject} is already costing them
                        | The harbour {when*}, as talks over {subject} continued
                        | Container stacks on the waterfront {when*}. Trade through the port has slowed in recent months
                        | Boats moored in the harbour {when*}, ahead of a decision on {subject}
                    """),
            Kind.PARLIAMENT, parse("""
                    caption = The parliament building {when*}, where {subject} was debated
                        | The clock tower {when*}. A vote on {subject} is expected {soon*}
                        | Parliament {when*}; {group} have been lobbying members for weeks
                    """),
            Kind.SKYLINE, parse("""
                    caption = The city skyline {when*}. {group!} say the effects of {subject} are already being felt
                        | Office towers in the financial district {when*}
                        | The city seen from across the river {when*}; {actor} is expected to say more {soon*}
                    """),
            Kind.FIELD, parse("""
                    caption = Farmland {when*}; {group} say the year has been one of the hardest they can remember
                        | Open country {when*}. Much of the land affected by {subject} is farmed
                        | Fields and hedgerows {when*}, where the effects of {subject} will be felt first
                    """),
            Kind.STADIUM, parse("""
                    caption = Supporters fill the stands at {venue} {when*}
                        | The floodlights on at {venue} {when*}, before {side} took on {side2}
                        | A full house at {venue} {when*}, with {subject} still to be settled
                    """),
            Kind.LABORATORY, parse("""
                    caption = Samples in a laboratory {when*} | Work under way in the laboratory where the research was carried out
                        | Researchers say {subject} will take years to assess fully
                    """),
            Kind.STAGE, parse("""
                    caption = The stage before the first performance {when*} | A moment from the performance {when*}
                        | Audiences have returned in numbers this year
                    """),
            Kind.MARKETS, parse("""
                    caption = Investors are watching {actor}’s next move closely | Markets moved sharply {when*} after the latest figures
                        | The outlook for {subject} remains uncertain, analysts say
                    """),
            Kind.MOUNTAINS, parse("""
                    caption = The high peaks of the Halden range {when*}
                        | Snow on the high ground {when*}; scientists have monitored the range for decades
                        | Mountains above the valley {when*}. {group!} say the changes are visible year by year
                    """),
            Kind.ABSTRACT, parse("""
                    caption = The argument over {subject} shows no sign of settling | The debate over {subject} has divided opinion
                        | {subject!} has prompted a lively debate
                    """));

    /** Which kinds of picture suit a section's stories, most fitting first. */
    static List<Kind> kindsFor(String section) {
        return switch (section) {
            case "world-news" -> List.of(Kind.HARBOUR, Kind.SKYLINE, Kind.PARLIAMENT, Kind.MOUNTAINS, Kind.FIELD);
            case "uk-news" -> List.of(Kind.HARBOUR, Kind.SKYLINE, Kind.FIELD, Kind.PARLIAMENT);
            case "politics" -> List.of(Kind.PARLIAMENT, Kind.SKYLINE);
            case "business" -> List.of(Kind.MARKETS, Kind.SKYLINE, Kind.HARBOUR);
            case "sport" -> List.of(Kind.STADIUM);
            case "opinion" -> List.of(Kind.ABSTRACT, Kind.PARLIAMENT, Kind.SKYLINE);
            case "culture" -> List.of(Kind.STAGE, Kind.ABSTRACT);
            case "science" -> List.of(Kind.LABORATORY, Kind.MOUNTAINS, Kind.FIELD);
            default -> throw new IllegalArgumentException("no pictures for section " + section);
        };
    }

    static String caption(DemoStory story, Picture picture) {
        return DemoStory.capitalise(DemoStory.polish(
                story.fill("{caption*}", List.of(WHEN.get(picture.light()), CAPTIONS.get(picture.kind())))));
    }
}
