package broadsheet.demo;

/**
 * The words every demo story may use, whatever its section: invented people's names, days, the common
 * shapes of headlines, standfirsts and paragraphs, and quotations general enough to fit most stories.
 * Sections and topics add to these or replace them (see {@link DemoDesks} and {@link DemoTopics}).
 * All of it is invented for the demo; none of the people exist.
 */
final class DemoWords {
    private DemoWords() {}

    static final DemoLexicon COMMON = DemoLexicon.parse("""
            first = Ana | Mikael | Ines | Pieter | Lena | Tomasz | Oriane | Hal | Saskia | Edvard | Maren | Joost
                | Keira | Anselm | Dalia | Rowan | Elif | Casimir | Noor | Fenna | Ivo | Linnea | Bram | Yara
                | Teodor | Greta | Osian | Mirela | Aurel | Sunniva | Emrys | Katja | Lior | Beatrix | Nils
                | Zofia | Cormac | Ilse | Matthias | Rhiannon | Ottilie | Wendel | Priya | Jonah | Marisol
            last = Korvel | Ostrand | Haldane | Vasko | Marchetti | Brandvold | Achterberg | Pell | Quarrie
                | Lindgren | Tasker | Moravec | Elsworth | Vantongeren | Sallow | Kerrigan | Drossel | Fennick
                | Amberley | Rasmark | Whitlow | Castell | Neville-Shaw | Ivers | Pritchard | Soderholm
                | Marwick | Tennant | Hollis | Varga | Ducasse | Ferrers | Abernethy | Lutterworth | Redfern
                | Salter | Yelland | Okonedo | Harrowby | Kestrel | Blythe | Arundell | Mortlake | Penhale
            place = Port Ellery | Carrow | Westhaven
            role = a former senior civil servant | a researcher at Carrow University | a community organiser in {place}
                | a long-standing critic of the plan | a councillor in {place}
            weekday = Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday

            headline = {actor^}: {subject^} ‘{consistent*}’ with {reference*}
                | {actor^}: {subject^} ‘{assess*}’
                | {actor^} {act*} {subject^} {after*}
                | {subject^} {fate*} {after*}
                | ‘{short*}’: {group} {react*} {subject^}
                | {group} in {place} {protest*} {subject^}
                | {actor^} warns {subject^} could {consequence*}
                | What {subject} could mean for {group}
                | {place}: {subject^} {fate*} as {context*}
                | {actor^} to {plan*} {subject^} {deadline*}
                | {actor^} and {group} {clash*} over {subject^}
                | Analysis: why {subject^} matters beyond {place}
                | {subject^} {fate*} after {actor^} {shift*}
            standfirst = {actor!} said on {weekday} that {subject} would go ahead, but {group} say they have not been told what it will mean for them
                | The announcement, made in {place} on {weekday}, follows weeks of pressure from {group} and leaves several questions unanswered
                | {group!} say they were not consulted, while {actor} insists there is no realistic alternative
                | Officials hope the move will calm tempers, but critics warn that {subject} could {consequence*}
                | The decision on {subject} is the most significant for {place} in years, and the arguments over it are only beginning
                | After weeks of uncertainty, {actor} has given the first clear signal of what comes next, though not yet the detail {group} want
            lead = {actor!} has {leadverb*} {subject}, {actortail*}.
                | {subject!} {leadfate*} on {weekday}, {eventtail*}.
                | {group!} in {place} have reacted with {mood*} to {subject}, {grouptail*}.
            quote1 = “{quote*},” said {who}, {who.role}.
                | {who}, {who.role}, said: “{quote*}.”
                | “{quote*},” {who}, {who.role}, told Broadsheet. “{quote*}.”
                | Speaking on {weekday*}, {who}, {who.role}, said: “{quote*}. {quote*}.”
            quote2 = {who2}, {who2.role}, was more cautious. “{quote*},” {who2.surname} said.
                | Not everyone agrees. “{quote*},” said {who2}, {who2.role}.
                | {who2}, {who2.role}, put it more bluntly: “{quote*}.”
            more = {who.surname} said {actor} had yet to reply to a letter sent {ago*}.
                | Asked what should happen next, {who.surname} paused. “{quote*}.”
                | {who.surname} added: “{quote*}.”
            para = {actor!} has said little in public since {weekday}, but officials privately concede that the timetable is slipping.
                | Figures published on {weekday*} suggest the picture is more complicated than either side has admitted.
                | It is not the first time {subject} has run into difficulty. A similar proposal was shelved {past*} after objections from {group}.
                | Critics argue that {actor} has been slow to explain how {subject} would work in practice, and that the details published so far raise as many questions as they answer.
                | Supporters point out that nothing has yet been decided, and that {actor} has promised to listen before any final decision is taken.
                | A spokesman for {actor} said a fuller statement would follow “in due course” and declined to comment further.
                | Few in {place} expect a quick resolution. “{quote*},” said one {bystander*}, who asked not to be named.
                | Officials in {place} said they had not been consulted before the announcement, a claim {actor} disputes.
                | The mood among {group} has hardened in recent weeks, according to people who have attended private meetings on the subject.
                | Behind the public statements lies a harder question: who pays. Estimates of the cost have risen {times*} since the first figures were published.
                | In a statement issued on {weekday*}, {actor} said the aim was “to get this right rather than to get it done quickly”.
                | There are signs of compromise. People familiar with the discussions say a revised version of {subject} could be ready {soon*}.
                | The episode has also exposed divisions among {group}, some of whom had privately supported the idea at the outset.
            close = {actor!} is expected to say more {soon*}.
                | The next meeting is due {soon*}. Until then, said {who.surname}, “{quote*}.”
                | For now, {group} in {place} are waiting. “{quote*},” said {who.surname}.
                | Whatever happens next, few expect {subject} to leave the headlines soon.

            quote = We will not be rushed | There is a great deal of work still to do
                | People deserve a straight answer, and so far they have not had one
                | Nobody wants this to drag on any longer than it has to | We have been here before, and it did not end well
                | It is a matter of trust | This is not about politics. It is about whether things work
                | I have not seen anything yet that changes my mind | The detail matters more than the headline
                | We were told one thing in public and another in private
                | If it is done properly, it could make a real difference | We are asking for clarity, not favours
                | There is still time to get this right | It has been a difficult few weeks for everyone involved
                | Nobody asked the people who will actually live with the consequences
                | We would rather be patient than be wrong | Most people simply want to know what happens next
            short = We were never asked | This is not over | We cannot wait any longer | Nobody is listening
                | It feels like a betrayal | We need answers | Enough is enough | We are not going anywhere
                | This is a turning point | It was the right call | A step in the dark | Too little, too late
            subhead = What happens next | A question of money | The view from {place} | ‘Nobody told us’ | Years in the making
                | Pressure builds | A familiar argument | What the figures show | The cost of delay | Divided opinion
                | An uncertain timetable | Mixed signals | ‘{short*}’
            listintro = The main points so far: | What we know so far: | The proposals include:
                | Among the measures under discussion: | The questions that remain:
            point = a review of the costs, due {soon*} | a public consultation lasting twelve weeks
                | new reporting duties for {actor} | a fund to support {group} | an independent panel to oversee the work
                | a pledge to publish the full figures | a timetable for the first decisions, expected {soon*}

            assess = consistent | unworkable | long overdue | premature | the right call | a fresh start | deeply regrettable
                | a missed chance | not for sale | a serious misjudgment | a step forward
            consistent = consistent | in line | compatible | at odds | out of step
            reference = earlier commitments | its own guidance | the wider strategy | previous agreements | public opinion
            act = defends | delays | rejects | backs | revives | questions | pauses | rethinks
            fate = stalls | faces fresh delay | wins cautious backing | under strain | thrown into doubt | back on the table
                | in the balance | gathers pace
            after = after review finds gaps | amid cost fears | despite protests | as talks drag on | in face of opposition
                | after a week of pressure | amid calls for clarity | after leaked memo | despite warnings
            react = turn on | rally behind | question | split over | demand answers on
            protest = protest against | march over | demand a say on | hold vigil over | voice anger at
            consequence = take years | cost far more than planned | collapse within weeks | deepen divisions
                | leave thousands waiting | set a precedent
            context = talks drag on | pressure mounts | neighbours look on | winter approaches | patience runs thin
            plan = review | revisit | publish details of | set out terms for | consult on
            deadline = within weeks | by the spring | before the summer | by the end of the year | next month
            clash = clash | trade blame | at odds | in stand-off
            shift = changes course | hesitates | signals rethink | stays silent | softens tone
            leadverb = defended | delayed | promised to revisit | come under fresh pressure over | set out new terms for
            actortail = in a move that caught many in {place} by surprise | after a week of mounting criticism from {group}
                | saying more time was needed to settle the details | while insisting that the broad aims had not changed
            eventtail = in a move that caught many in {place} by surprise | after a week of mounting pressure from {group}
                | the latest turn in an argument that has run for months | hours after {actor} had promised a decision
            grouptail = the latest turn in an argument that has run for months | which {actor} confirmed on {weekday}
                | which had been expected for weeks | which many had hoped would never come
            leadfate = was thrown into doubt | moved a step closer | ran into fresh difficulty | won unexpected support
            mood = weary resignation | cautious relief | open anger | a mixture of hope and suspicion
            soon = within a fortnight | before the end of the month | early next week | by the summer | after the weekend
                | in the coming days
            past = two years ago | in the spring of last year | before the last election | three years ago
            ago = last month | more than six weeks ago | in the spring | before Christmas
            bystander = shopkeeper | resident of twenty years | local councillor | taxi driver | retired teacher | café owner
            times = twice | three times | sharply | steadily
            """);
}
