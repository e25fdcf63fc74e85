package broadsheet.demo;

import java.util.Map;

/**
 * The words of the features sections — sport, opinion, culture and science — which mostly replace the
 * news shapes of {@link DemoWords#COMMON}: match reports, columns, reviews and study write-ups each read
 * differently. The teams, works and findings themselves come from the topics in {@link DemoFeatureTopics}.
 */
final class DemoFeatures {
    private DemoFeatures() {}

    static final Map<String, DemoLexicon> FEATURES = Map.of(
            "sport", DemoLexicon.parse("""
                    headline = {side^} {beat} {side2^} {score} {result*}
                        | {side^} {beat} {side2^} at {venue}
                        | {starhead}
                        | {race^} alive after {side} win over {side2}
                        | ‘{sportshort*}’: {side} {beat} {side2} {result*}
                        | {side2^} left to rue missed chances against {side}
                    standfirst = {starstand}
                        | {side2!} made {side} work hard for the win, but {star} settled matters {when*}
                        | There was little between the two for long spells, until {star} produced the moment that decided it
                        | The victory was built on patience rather than flair, and it may prove more valuable than it looked
                    lead = {side!} {won*} {side2} {score} at {venue} on {weekday}, {sportlead*}.
                        | {side!} broke {side2}’s resistance {when*}, and when the breakthrough came it was worth the wait.
                    para = {side2!} had the better of the opening exchanges, and only sharp work from {star} kept the contest level.
                        | The decisive moment came {when*}. {star!} {moment*}, and {venue} rose as one.
                        | It was not always pretty. Long spells passed with little to cheer, and the {crowd*} grew restless before {star} intervened.
                        | {side2!} will reflect on what might have been. {star2!} {chance*}, and the margin might have been different.
                        | For {side}, the result was a welcome reply to those who had questioned their form after {setback*}.
                        | Attention now turns to {next*}, where {race} could yet take another twist.
                        | Conditions at {venue} were {conditions*}, and there were long periods when neither side could find a rhythm.
                    close = Next up for {side} is a meeting with {side3} {soon*}.
                        | “{quote*},” said {who.surname}. “{quote*}.”
                        | {side!} will take the result and move on. As {who.surname} put it: “{quote*}.”
                    starhead = {star} {starred*} as {side^} {beat} {side2^}
                    starstand = {star} {starred*} at {venue} as {side} {won*} {side2}, a result that leaves {race} finely poised
                    quote = We showed real character today | There is a long way to go yet | I am proud of the way we stuck at it
                        | We did not deserve anything from that, if I am honest | The supporters carried us through the last twenty minutes
                        | It is only one result, and nobody here will get carried away | You cannot keep giving chances away at this level
                    sportshort = We knew it would be tough | That is what we work for | Nobody gave us a chance | A proper performance
                    starred = shines | stars | makes the difference | stands tall | leads the way
                    won = beat | edged past | saw off | held off | overcame
                    sportlead = a result that leaves {race} finely poised | and few who watched would argue with the outcome
                        | ending a frustrating run of defeats | in a contest that swung one way and then the other
                    when = just after the hour | midway through the second half | late on | against the run of play | early on
                    crowd = home supporters | travelling fans | crowd
                    setback = a chastening defeat last week | a difficult start to the season | a run of injuries
                    next = next week’s fixture | the return meeting | the final weeks of the season | the next round
                    conditions = blustery | heavy after overnight rain | close to perfect | bitterly cold
                    subhead = Turning point | Late drama | The verdict | Looking ahead | Key moments | Pressure off | ‘{sportshort*}’
                    listintro = Key moments: | How it happened: | The talking points:
                    point = {when*!}: {star} {moment*} | {side2} had the better of the opening spell | {star2} {chance*}
                        | a late flurry from {side2} came to nothing
                    bystander = season-ticket holder | supporter | steward
                    """),
            "opinion", DemoLexicon.parse("""
                    headline = The real lesson of {subject} | Why {subject} deserves a second look
                        | We should stop pretending {subject} will fix itself | {actor!} must stop hedging on {subject}
                        | The quiet scandal of {subject} | In defence of {subject} | {group!} deserve better than {subject}
                        | It is time to be honest about {subject} | {subject^!} is a test {actor} cannot afford to fail
                        | Nobody wants to say it, but {subject} is working | The argument over {subject} is really about {bigger*}
                        | I used to believe in {subject}. Not any more | What {place} can teach us about {subject}
                        | {subject^!}: a cautionary tale about {bigger*} | Spare a thought for {group} caught up in {subject}
                    standfirst = The argument over {subject} has become a proxy for something bigger, and {actor} would do well to notice
                        | For all the noise, the case for {subject} rests on a simple question that nobody in charge seems willing to answer
                        | {group!} have been patient. They should not have to be for much longer
                        | It is easy to mock the handling of {subject}. It is harder, and more useful, to ask what should have happened instead
                    lead = There is a particular kind of silence that falls over {place} when {subject} comes up, and I have heard a great deal of it lately.
                        | I should declare an interest: I have been wrong about {subject} before.
                        | Every few years, somebody in authority discovers {subject} and announces that it will be different this time.
                    quote1 = I spoke last week to {who}, {who.role}, who put it better than I can. “{quote*},” {who.surname} told me.
                        | “{quote*},” {who}, {who.role}, said when I asked about it.
                    para = The case against is familiar, and not without merit. It is expensive, it is slow, and it asks {group} to trust {actor} at a moment when trust is in short supply.
                        | But the alternative is not the status quo. The alternative is drift, and drift has its own costs, which are merely harder to count.
                        | Consider the evidence. {fact*}
                        | None of this is an argument for doing nothing. It is an argument for doing less, more carefully.
                        | It would help if {actor} could explain, in plain words, what {subject} is for. So far the answers have been long on ambition and short on detail.
                        | We have been here before. The last time, the warnings were ignored, and {group} paid for it.
                        | Those in charge like to say that difficult decisions cannot be ducked. They then, as a rule, duck them.
                        | The honest answer is that nobody knows how this ends. That is not a reason for paralysis; it is a reason for humility.
                    close = {subject!} will not be settled this month, or perhaps this year. But it will be settled, and the people who live with the result deserve a say in it.
                        | If {actor} wants to be believed, the place to start is by telling {group} the truth. They can take it.
                        | That, in the end, is the test. The rest is noise.
                    bigger = trust | who we want to be | the limits of the state | money, as always | competence | patience
                    subhead = The case against | A better way | What we owe each other | The price of drift | An honest answer
                    """),
            "culture", DemoLexicon.parse("""
                    headline = {review}
                        | {creator}: ‘{cshort*}’
                        | {creator} on {theme*}: ‘{cshort*}’
                        | Why {work} is the {form} everyone is talking about
                        | {actor^} {cact*} {subject^}
                        | {work}: {verdict*}
                    standfirst = {creator}’s new {form} {cstand*}
                        | {work} arrives with great expectations. It meets most of them, and confounds the rest
                        | A {form} about {theme*} that never once raises its voice, and is all the more powerful for it
                        | After a long silence, {creator} returns with the most ambitious work of a restless career
                    lead = About halfway through {work}, there is a moment so still that {audience} seems to stop breathing.
                        | {creator} has never been an artist in a hurry, and {work} is no exception.
                        | It is rare for a {form} to arrive with quite so much weight on its shoulders as {work}.
                    para = The premise is simple enough. {premise}
                        | What lifts it is the detail. {creator} has an unerring eye for the small gesture that gives a character away.
                        | Not everything works. The middle section sags, and one strand, involving {subplot*}, feels as if it has wandered in from another {form}.
                        | There are echoes of older work here, but {creator} is too confident a maker to be weighed down by them.
                        | The {craft} is superb throughout, spare and intelligent, and never showy for the sake of it.
                        | It is, at heart, a {form} about {theme*}, though it wears the subject lightly.
                    close+ = It is not perfect. It is, however, alive, which is rarer.
                    review = {work} review: {verdict*}
                    verdict = a quiet, unsettling triumph | handsome but strangely cold | funny, furious and far too long
                        | the best thing of its kind in years | a brave misfire | tender, precise and utterly gripping
                        | an uneven but unforgettable evening | too polite by half | a small masterpiece | clever, chilly and hard to shake
                    cshort = I wanted to write about the people nobody notices | Every ending is a kind of argument
                        | I still get nervous on the first night | Art should be allowed to be difficult | I was never meant to be good at this
                        | The sea is in everything I make
                    cstand = is a slow-burning study of grief and belonging that rewards patience | wears its ambition lightly, and is better for it
                        | is warm, sly and more political than it first appears
                    cact = unveils | defends | rethinks | celebrates
                    theme = grief | belonging | class | the sea | ageing parents | small towns | ambition | memory
                    subplot = a disputed inheritance | a stolen boat | an unsent letter | a feud between neighbours
                    quote = I wanted to make something that trusted its audience | You never know how a thing will land until it meets people
                        | It took seven years, and most of them were spent throwing things away
                        | There is nothing else quite like it on a stage or a page this year | The first night was terrifying, and then it was joyful
                        | People were still talking about it in the street an hour afterwards | It asks a lot of you, and it gives a lot back
                    role = a critic who has followed {creator}’s career from the start | a bookseller in Carrow Vale
                        | a member of this year’s Harbour Prize jury | the programme director at the Carrow Festival
                    subhead = The verdict | A question of form | Behind the scenes | First impressions | An uneasy inheritance
                    listintro = Also worth your time: | If you liked this, try:
                    point = {work2}, also by {creator2} | the late work of {creator2} | {work3}, now in its final weeks
                    """),
            "science", DemoLexicon.parse("""
                    headline = Scientists find {finding} | New study suggests {finding} | {lab^} team reports {finding}
                        | {finding}, study finds | {finding}, say researchers at {lab} | Researchers {react*} {subject^}
                        | {actor^}: {subject^} ‘{assess*}’
                    lead = Researchers at {lab} say {finding}, a result that could change how {subject} is approached.
                        | {finding!}, according to a study published on {weekday} by a team at {lab}.
                        | A study by researchers at {lab} suggests {finding}, though they caution that more work is needed.
                    standfirst = The work, which took {span}, is the most detailed of its kind yet, though its authors are careful not to overstate it
                        | {group!} have welcomed the findings, which come as {actor} reviews {subject}
                        | The findings, published on {weekday} in {journal}, will need to be confirmed by larger studies, but researchers describe them as striking
                        | Researchers at {lab} spent {span} on the work, which they say could change how {subject} is approached
                    para+ = The team, led by researchers at {lab}, analysed {data*} collected over {span}.
                        | Independent experts welcomed the work but urged caution. “{quote*},” said {who3}, {who3.role}, who was not involved in the study.
                        | The findings add to a growing body of evidence, though the authors acknowledge several limitations, including {limit*}.
                        | Funding for the next stage of the work has not yet been secured.
                    lab = the Halden Institute | Carrow University | the Northmere Marine Station | the National Observatory at Kessel Point
                    journal = the Halden Review | Carrow Papers in Medicine | Northmere Earth Letters
                    data = more than 40,000 measurements | satellite images | records from eleven hospitals | samples from 200 sites
                    span = six years | nearly a decade | two field seasons | eighteen months
                    limit = the small number of sites | a lack of long-term records | the short follow-up period
                    role = the study’s lead author | a researcher at {lab} | a professor of earth sciences at Carrow University
                        | the director of {lab} | an independent statistician | a member of the Royal Society of Northmere
                    quote = The results surprised us, and we checked them many times | This is one study, and it needs to be repeated
                        | We are seeing changes that we did not expect for decades | Science moves in small steps, and this is a useful one
                        | The data are clear, but what they mean is still open to argument | We need longer records before anyone draws firm conclusions
                        | It is the kind of result that makes you go back and check everything | If it holds up, it will change how we work
                    subhead+ = How the study worked | Caveats | What the data show | Next steps | A cautious welcome
                    point+ = a larger follow-up study, due to begin next year | open publication of the underlying data
                    """));
}
