package broadsheet.demo;

import static broadsheet.demo.DemoTopics.topic;

import broadsheet.demo.DemoTopics.Topic;
import java.util.List;

/**
 * The demo's sport topics. Each names its sides (clubs, which take plural verbs, or players, who take
 * singular ones), its venues and scores, and the moments a match report turns on.
 */
final class DemoSportTopics {
    private DemoSportTopics() {}

    static final List<Topic> LIST = List.of(
            topic("Premier League", "sport", "",
                    "The top division of league football, from the title race to the relegation fight.", """
                    place = Carrow | Westhaven | Port Ellery
                    side = Carrow City | Westhaven Athletic | Port Ellery Rovers | Dunmere United | Ashby Reach | Kingsmoor Town
                        | Halden Wanderers | Saltmarsh Albion
                    beat = beat | edge past | see off | hold off | sweep aside | overcome
                    score = 2-1 | 1-0 | 3-1 | 3-2 | 2-0 | 4-2 | 4-1
                    venue = Riverside Park | the Harbour Ground | Kingsmoor Road | the Vale Stadium
                    star = Teodor Varley | Osian Wickham | Bram Loveday | Aurel Corrigan | Cormac Aske | Jonah Merriot
                    result = to go top | to ease relegation fears | in a tense finish | despite a late scare | to extend unbeaten run | to close the gap
                    moment = found space on the left and drove low into the far corner | rose highest to head in a corner
                        | curled a free kick over the wall | stole in at the back post
                    chance = struck the post from six yards | saw a penalty saved | headed wide with the goal at his mercy
                    race = the title race | the relegation fight
                    subject = the title race | the relegation fight | the manager’s future | the transfer window
                    actor = the league | the referees’ body | the football authority
                    group = supporters | season-ticket holders
                    fact = Only four points separate the top five, with eleven matches left.
                    role = the {side} manager | the {side} captain | a former international now working in television
                    """),
            topic("Cricket", "sport", "",
                    "The county game and the long summer of the championship.", """
                    place = Carrowshire | Dunmere
                    side = Carrowshire | Westhaven | Dunmere | Ashby | Kingsmoor | Saltmarsh
                    beat = beat | see off | overcome | edge past
                    score = by six wickets | by an innings and 40 runs | by 112 runs | by three wickets | by 27 runs
                    venue = the Vale Ground | Harbour Road | the Abbey Field
                    star = Hal Stenning | Nils Quayle | Wendel Ollerton | Edvard Brisco | Ivo Tolland
                    result = to go top of the table | on the final afternoon | with a day to spare | to stay in the hunt
                    moment = drove the spinner through the covers to reach his hundred | took three wickets in an over
                        | held a stunning catch at second slip
                    when = on the final afternoon | after tea on the third day | with the second new ball | shortly before lunch
                    chance = was dropped on 12 | was run out by a direct hit
                    race = the championship race
                    subject = the championship race | the new fixture schedule | the future of four-day cricket
                    actor = the county board | the club’s committee | the umpires’ panel
                    group = members | county supporters
                    fact = Attendances at championship matches rose for the third season in a row.
                    role = the {side} captain | the {side} head coach | a former county player now commentating
                    """),
            topic("Rugby union", "sport", "",
                    "Club rugby: the league, the cup and the battle for the play-off places.", """
                    place = Port Ellery | Kingsmoor
                    side = Westhaven Marlins | Port Ellery Gulls | Dunmere Stags | Kingsmoor Hawks | Saltmarsh Herons | Ashby Millers
                    beat = beat | edge past | see off | hold off | overpower
                    score = 24-17 | 31-10 | 19-18 | 27-24 | 36-12
                    venue = the Gullery | Stag Park | the Millfield
                    star = Casimir Hesketh | Emrys Pagett | Anselm Rook | Rowan Selby | Matthias Thorne
                    result = to reach the play-offs | with a late penalty | to stay top | in a bruising contest
                    moment = broke two tackles and ran in from forty metres | landed a touchline conversion
                        | won a crucial turnover on his own line
                    chance = knocked on with the line open | missed a penalty in front of the posts
                    race = the play-off race
                    subject = the play-off race | the salary cap review | the head injury protocol
                    actor = the league | the national union | the players’ association
                    group = supporters | players
                    fact = Three clubs in the league have reported losses for five years running.
                    role = the {side} director of rugby | the {side} captain | a former international now working as a pundit
                    """),
            topic("Tennis", "sport", "",
                    "The women’s tour, from the Harbour Championships to the Northmere Open.", """
                    place = Northmere | Port Ellery
                    side = Mirela Szabin | Linnea Hartvig | Keira Wolde | Greta Ansell | Yara Lindell | Ottilie Frane
                    beat = beats | edges past | outlasts | sweeps past | holds off
                    score = 6-4, 6-3 | 7-6, 3-6, 6-2 | 6-1, 6-2 | 4-6, 6-4, 7-5 | 6-3, 7-5
                    venue = the Northmere Open | the Harbour Championships | the Vale Trophy
                    star = {side}
                    star2 = {side2}
                    when = in the deciding set | late in the second set | at 5-5 in the first set | on her third match point
                    starhead = {side^} {starred*} at {venue}
                    starstand = {side!} {starred*} at {venue}, a result that leaves {race} finely poised
                    result = to reach the final | to reach the quarter-finals | in the first round | to win the title
                    moment = hit a forehand winner down the line | saved three break points | served out the match to love
                    chance = failed to convert five break points | double-faulted at a crucial moment
                    race = the race for the year-end finals
                    subject = the new tour calendar | the prize money review | the scheduling of night sessions
                    actor = the women’s tour | the tournament | the players’ council
                    group = players | spectators
                    fact = Prize money at the Northmere Open has risen by half in five years.
                    role = {side}’s coach | a former champion now commentating | the tournament director
                    """),
            topic("Athletics", "sport", "",
                    "Track and field, from the grand prix meetings to the championships.", """
                    place = Carrow | Halvard
                    side = Emrys Calloway | Nils Brathen | Lior Anstey | Wendel Marr | Casimir Ludlow | Joost Verhagen
                    beat = beats | edges out | holds off | outkicks
                    score = in the 1500m | in the 800m | over 5,000m | in the 400m
                    venue = the Continental Championships | the Carrow Grand Prix | the Vale Games
                    star = {side}
                    star2 = {side2}
                    when = off the final bend | in the home straight | at the bell | over the last hundred metres
                    starhead = {side^} {starred*} at {venue}
                    starstand = {side!} {starred*} at {venue}, a result that leaves {race} finely poised
                    result = to take gold | to set a championship record | in a photo finish | to seal selection
                    moment = kicked clear off the final bend | dipped on the line | ran the last lap in 54 seconds
                    chance = was boxed in on the final bend | went too early and faded
                    race = the race for selection
                    subject = the selection policy | the anti-doping review | the new track at Carrow
                    actor = the national federation | the anti-doping agency | the Carrow Grand Prix
                    group = athletes | coaches
                    fact = Eleven national records have fallen on the new track since it opened.
                    role = {side}’s coach | a former Olympic finalist | the federation’s performance director
                    """));
}
