/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-engine"

#include "config.h"

#include <string.h>

#include "pn-upside-private.h"
#include "pn-policy-private.h"
#include "pn-money.h"

/* The second question a founder asks: what more could I get, and how.
 *
 * Each listed measure's "up to" figure is what it gives if every open
 * point goes the applicant's way: its conditions and requirements met, a
 * figure not given at the least value that reaches the measure's cap and
 * thresholds, the most favourable way to read its sentence.  The "up to"
 * total runs the same arithmetic with one set of favourable figures for
 * every measure at once (a top-up and the award it tops up then share
 * their figure, so together they never exceed the top-up's ceiling), keeps
 * the best of each overlap group and holds each annual cap, and takes one
 * answer to each question the profile leaves open (below).  The next
 * steps are the answers, figures and requirements that stand between
 * measures and those figures, ranked by what they may add. */

/* The benefit and what it tops up: the favourable figures must reach the
 * caps of both, or the top-up would be priced against a target short of
 * its own. */
static guint
with_targets (const PnFacts  *facts,
              PnBenefit      *benefit,
              PnBenefit     **out,
              guint           max)
{
  guint n = 0;

  out[n++] = benefit;
  for (guint i = 0; benefit->tops_up != NULL && benefit->tops_up[i] != NULL && n < max; i++)
    {
      PnBenefit *target = pn_corpus_find_benefit (facts->corpus, benefit->tops_up[i], NULL);

      if (target != NULL)
        out[n++] = target;
    }
  return n;
}

/* The most the benefit gives for `facts` over its readings. */
static gint64
best_reading (const PnFacts *facts,
              PnBenefit     *benefit,
              PnNotCounted  *out_problem)
{
  PnWorth worth = { 0, };
  gint64 best;

  pn_worth_compute (facts, benefit, NULL, FALSE, &worth);
  best = worth.estimate;
  *out_problem = worth.problem;

  for (guint i = 0; i < benefit->readings->len; i++)
    {
      const PnReading *reading = g_ptr_array_index (benefit->readings, i);
      PnWorthReading differently = { reading->keep_lapsed_target };

      if (reading->chosen)
        continue;
      pn_worth_compute (facts, benefit, &differently, FALSE, &worth);
      if (worth.estimate != PN_YUAN_UNSET && (best == PN_YUAN_UNSET || worth.estimate > best))
        best = worth.estimate;
    }

  return best;
}

static gint64
upside_high (const PnFacts *facts,
                 PnBenefit     *benefit,
                 PnStatus       status,
                 PnUpsideLimit *out_limit)
{
  PnBenefit *set[8];
  PnFacts favourable;
  PnNotCounted problem;
  gint64 high;

  *out_limit = PN_UPSIDE_BOUNDED;

  /* nothing on this date, whatever the answers */
  if (status != PN_STATUS_IN_FORCE || benefit->kind == PN_BENEFIT_NON_MONETARY)
    return 0;

  if (pn_facts_unbounded (facts, benefit))
    {
      *out_limit = PN_UPSIDE_UNBOUNDED;
      return PN_YUAN_UNSET;
    }

  pn_facts_favourable (facts, set, with_targets (facts, benefit, set, G_N_ELEMENTS (set)), &favourable);
  high = best_reading (&favourable, benefit, &problem);
  /* A top-up gives most where its own cap is reached: 晋江 1.1's "补足到
   * 40%，最高3000万元" over the province's uncapped 30% is ¥7,500,000 at
   * ¥75,000,000 of R&D, and nothing at the unbounded figure the province's
   * rate asks (it said ¥0) */
  if (benefit->tops_up != NULL && high != PN_YUAN_UNSET)
    {
      PnFacts own;
      PnNotCounted own_problem;
      gint64 own_high;

      pn_facts_favourable (facts, &benefit, 1, &own);
      own_high = best_reading (&own, benefit, &own_problem);
      if (own_high != PN_YUAN_UNSET && own_high > high)
        high = own_high;
    }
  if (high == PN_YUAN_UNSET && problem == PN_NOT_COUNTED_UNSPECIFIED)
    {
      /* "at most …" is still an upper bound */
      if (benefit->cap != PN_YUAN_UNSET)
        return benefit->cap;
      *out_limit = PN_UPSIDE_NO_AMOUNT;
      return PN_YUAN_UNSET;
    }
  if (high == PN_YUAN_UNSET)
    {
      /* a top-up whose target needs a figure no benefit here bounds */
      *out_limit = PN_UPSIDE_UNBOUNDED;
      return PN_YUAN_UNSET;
    }

  return high;
}

gint64
_pn_upside_high (const PnFacts *facts,
                 PnBenefit     *benefit,
                 PnStatus       status,
                 PnUpsideLimit *out_limit)
{
  gint64 high = upside_high (facts, benefit, status, out_limit);
  gint64 bound;

  /* nothing to hold: its caps are not read */
  if (*out_limit == PN_UPSIDE_NO_AMOUNT || high == 0)
    return high;
  bound = pn_benefit_annual_cap_bound (benefit);
  if (bound == PN_YUAN_UNSET || (high != PN_YUAN_UNSET && high <= bound))
    return high;
  /* an uncapped rate, or more than the cap: the cap is what it may give */
  *out_limit = PN_UPSIDE_BOUNDED;
  return bound;
}

/* ---- the "up to" total ---- */

/* Whether the entry may add money on the date: in force, and a text that
 * states an amount (a subsidy "予以贴息" with no figure adds no number). */
static gboolean
may_add (const PnResultEntry *entry)
{
  return entry->status == PN_STATUS_IN_FORCE &&
         entry->benefit->kind != PN_BENEFIT_NON_MONETARY &&
         entry->high_limit != PN_UPSIDE_NO_AMOUNT;
}

/* Holds each annual cap: the measures under it give together at most its
 * amount; what is over comes off the last of them first.  One pass to
 * gather each cap's measures, one per cap to hold it.  `amounts[k]` is
 * the result at `positions[k]` (at k when `positions` is NULL). */
static void
hold_caps_at (PnResults   *results,
              const guint *positions,
              guint        m,
              gint64      *amounts)
{
  /* cap id → GArray of indexes into amounts */
  g_autoptr(GHashTable) under = NULL;
  GHashTableIter iter;
  gpointer id, value;

  for (guint k = 0; k < m; k++)
    {
      PnBenefit *benefit;

      if (amounts[k] == 0)
        continue;
      benefit = _pn_results_peek (results, positions != NULL ? positions[k] : k)->benefit;
      for (guint c = 0; benefit->annual_caps != NULL && benefit->annual_caps[c] != NULL; c++)
        {
          GArray *indexes;

          if (under == NULL)
            under = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
          indexes = g_hash_table_lookup (under, benefit->annual_caps[c]);
          if (indexes == NULL)
            {
              indexes = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (under, benefit->annual_caps[c], indexes);
            }
          g_array_append_val (indexes, k);
        }
    }
  if (under == NULL)
    return;

  g_hash_table_iter_init (&iter, under);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      GArray *indexes = value;
      guint first_k = g_array_index (indexes, guint, 0);
      PnBenefit *first = _pn_results_peek (results, positions != NULL ? positions[first_k] : first_k)->benefit;
      const PnAnnualCap *cap = pn_document_find_annual_cap (first->document, id);
      gint64 sum = 0;

      if (cap == NULL)
        continue;
      for (guint j = 0; j < indexes->len; j++)
        sum = pn_money_sum (sum, amounts[g_array_index (indexes, guint, j)]);
      for (guint j = indexes->len; j-- > 0 && sum > cap->amount;)
        {
          guint k = g_array_index (indexes, guint, j);
          gint64 cut = MIN (amounts[k], sum - cap->amount);

          amounts[k] -= cut;
          sum -= cut;
        }
    }
}

void
_pn_hold_annual_caps (PnResults *results,
                      gint64    *highs)
{
  hold_caps_at (results, NULL, pn_results_get_n_results (results), highs);
}

/* ---- answers that exclude each other ---- */

/* A product has one milestone, one drug class, one device class: the
 * measures of phase I, II and III cannot all be open at once, nor an
 * innovative and an improved drug's.  When a question is not answered,
 * what the listed measures may give together is the most over the
 * answers it could have, not the sum over all of them.
 *
 * A Choice is a set of results (their positions, with the amount each
 * may give) and answers assumed for questions the profile leaves open.
 * Its total keeps the results the assumed answers do not exclude, the
 * best of each overlap group, each multi-award top-up held to its figure
 * and each annual cap.  Assuming an answer only removes results, and
 * removing one never raises the total: a node's total bounds every
 * answer below it, so the search is a branch and bound over the
 * questions, in their order, trying the answers the open results accept.
 * A budget of totals keeps a corpus of 10⁵ measures in time; past it,
 * what is left unexplored counts at its bound (the figure stays an upper
 * bound, never below what the answers could give). */

#define CHOICE_BUDGET 96
#define PREFETCH_AHEAD 8
#define CHOICE_WORK 400000

typedef struct
{
  const PnFacts *facts;
  PnResults     *results;
  guint          m;
  guint         *positions;    /* m result positions */
  gint64        *amounts;      /* m: what each may give, before overlaps */
  gint64        *full;         /* m: a multi-award top-up's own figure, or -1 */
  int           *group;        /* m: overlap group index, -1 when none */
  guint          n_groups;
  guint32       *asks;         /* m: the open questions its conditions ask (bits) */
  guint         *first_open;   /* m + 1: its open conditions, in `open` */
  const PnCondition **open;    /* the conditions on questions the profile leaves open */
  guint8        *levels;       /* m per depth of the search: who is left */
  guint8        *alive;        /* m: the current depth's */
  gint64        *work;         /* m */
  guint         *winners;      /* n_groups: index + 1 */
  GHashTable    *index_of;     /* benefit id → index + 1, for top-ups */
  gboolean       asked[PN_N_QUESTIONS];  /* an answer assumed above */
  guint          budget;
} Choice;

static void
choice_init (Choice        *choice,
             const PnFacts *facts,
             const PnFacts *favourable,
             PnResults     *results,
             const guint   *positions,
             const gint64  *amounts,
             guint          m)
{
  g_autoptr(GHashTable) groups = NULL;  /* group → index + 1 */

  memset (choice, 0, sizeof *choice);
  choice->facts = facts;
  choice->results = results;
  choice->m = m;
  choice->positions = g_memdup2 (positions, MAX (m, 1) * sizeof (guint));
  choice->amounts = g_memdup2 (amounts, MAX (m, 1) * sizeof (gint64));
  choice->full = g_new (gint64, MAX (m, 1));
  choice->group = g_new (int, MAX (m, 1));
  choice->levels = g_new0 (guint8, (gsize) MAX (m, 1) * (PN_N_QUESTIONS + 1));
  choice->alive = choice->levels;
  choice->work = g_new0 (gint64, MAX (m, 1));
  choice->asks = g_new0 (guint32, MAX (m, 1));
  choice->first_open = g_new0 (guint, m + 1);
  /* each total reads every result: at most about 400,000 reads (a
   * place-only question at 10^5 measures lists 25,000) */
  choice->budget = CLAMP (CHOICE_WORK / MAX (m, 1), 8, CHOICE_BUDGET);
  {
    g_autoptr(GPtrArray) open = g_ptr_array_new ();

    for (guint k = 0; k < m; k++)
      {
        PnBenefit *benefit = _pn_results_peek (results, positions[k])->benefit;

        choice->first_open[k] = open->len;
        for (guint c = 0; c < benefit->conditions->len; c++)
          {
            const PnCondition *condition = g_ptr_array_index (benefit->conditions, c);

            if (condition->asks_nothing || facts->answers[condition->question] != NULL)
              continue;
            g_ptr_array_add (open, (gpointer) condition);
            choice->asks[k] |= 1u << condition->question;
          }
      }
    choice->first_open[m] = open->len;
    choice->open = (const PnCondition **) g_ptr_array_steal (open, NULL);
  }

  for (guint k = 0; k < m; k++)
    {
      PnBenefit *benefit = _pn_results_peek (results, positions[k])->benefit;
      const char *group = benefit->overlap_group;

      choice->group[k] = -1;
      choice->full[k] = -1;
      if (group != NULL)
        {
          guint g;

          if (groups == NULL)
            groups = g_hash_table_new (g_str_hash, g_str_equal);
          g = GPOINTER_TO_UINT (g_hash_table_lookup (groups, group));
          if (g == 0)
            {
              g = ++choice->n_groups;
              g_hash_table_insert (groups, (gpointer) group, GUINT_TO_POINTER (g));
            }
          choice->group[k] = (int) g - 1;
        }

      /* a top-up of several awards: its figure before the target it was
       * priced against came off */
      if (favourable != NULL && benefit->kind == PN_BENEFIT_TOP_UP && benefit->tops_up != NULL &&
          benefit->tops_up[0] != NULL && benefit->tops_up[1] != NULL && amounts[k] > 0)
        {
          PnWorth worth = { 0, };

          pn_worth_compute (favourable, benefit, NULL, FALSE, &worth);
          if (worth.estimate != PN_YUAN_UNSET && worth.topped_up != PN_YUAN_UNSET)
            choice->full[k] = pn_money_sum (worth.estimate, worth.topped_up);
          pn_worth_clear (&worth);
          if (choice->index_of == NULL)
            {
              choice->index_of = g_hash_table_new (g_str_hash, g_str_equal);
              for (guint j = 0; j < m; j++)
                g_hash_table_insert (choice->index_of, _pn_results_peek (results, positions[j])->benefit->id,
                                     GUINT_TO_POINTER (j + 1));
            }
        }
    }
  choice->winners = g_new0 (guint, MAX (choice->n_groups, 1));
}

static void
choice_clear (Choice *choice)
{
  g_free (choice->positions);
  g_free (choice->amounts);
  g_free (choice->full);
  g_free (choice->group);
  g_free (choice->levels);
  g_free (choice->work);
  g_free (choice->asks);
  g_free (choice->first_open);
  g_free (choice->open);
  g_free (choice->winners);
  g_clear_pointer (&choice->index_of, g_hash_table_unref);
}

/* Whether the result at `k`, which asks `question`, accepts `answer` */
static gboolean
choice_accepts (const Choice *choice,
                guint         k,
                PnQuestion    question,
                GQuark        answer)
{
  for (guint c = choice->first_open[k]; c < choice->first_open[k + 1]; c++)
    {
      const PnCondition *condition = choice->open[c];

      if (condition->question == question && !_pn_quark_in (condition->value_quarks, answer) &&
          !_pn_quark_in (condition->review_quarks, answer))
        return FALSE;
    }
  return TRUE;
}

/* Who is left at the next depth once `answer` is assumed for `question` */
static void
choice_narrow (Choice     *choice,
               guint       depth,
               PnQuestion  question,
               GQuark      answer)
{
  const guint8 *parent = choice->levels + (gsize) depth * choice->m;
  guint8 *child = choice->levels + (gsize) (depth + 1) * choice->m;
  guint32 bit = 1u << question;

  for (guint k = 0; k < choice->m; k++)
    child[k] = parent[k] && ((choice->asks[k] & bit) == 0 || choice_accepts (choice, k, question, answer));
  choice->alive = child;
}

/* A top-up brings what its targets gave up to its own figure: together
 * they give the more of the two.  With one target the arithmetic above
 * already holds them together (the top-up is priced against that
 * target); a top-up of several awards (Xiamen art. 16: "补足至1000万元"
 * over every award of the article) would otherwise add to all of them,
 * and the "up to" total would count what no centre can receive.  Its
 * share becomes what is left of its figure once its targets listed here
 * are paid. */
static void
choice_hold_top_ups (Choice *choice)
{
  for (guint k = 0; choice->index_of != NULL && k < choice->m; k++)
    {
      PnBenefit *benefit;
      gint64 targets = 0;
      guint n_targets = 0;

      if (choice->full[k] < 0 || choice->work[k] <= 0)
        continue;
      benefit = _pn_results_peek (choice->results, choice->positions[k])->benefit;
      for (guint t = 0; benefit->tops_up[t] != NULL; t++)
        {
          guint j = GPOINTER_TO_UINT (g_hash_table_lookup (choice->index_of, benefit->tops_up[t]));

          if (j > 0 && j - 1 != k && choice->work[j - 1] > 0)
            {
              targets = pn_money_sum (targets, choice->work[j - 1]);
              n_targets++;
            }
        }
      if (n_targets >= 2)
        choice->work[k] = MAX (0, choice->full[k] - targets);
    }
}

/* What the results left open give together */
static gint64
choice_total (Choice *choice)
{
  gint64 total = 0;

  memset (choice->winners, 0, MAX (choice->n_groups, 1) * sizeof (guint));
  for (guint k = 0; k < choice->m; k++)
    {
      int g = choice->group[k];
      guint winner;

      choice->work[k] = choice->alive[k] ? choice->amounts[k] : 0;
      if (choice->work[k] == 0 || g < 0)
        continue;
      /* 就高从优不重复: the best of a group counts; as for the counted
       * total, a tie goes to the more local document, whose award no
       * yearly cap of the province's may cut */
      winner = choice->winners[g];
      if (winner == 0 ||
          _pn_overlap_beats (choice->facts->taxonomy,
                             _pn_results_peek (choice->results, choice->positions[k]), choice->work[k],
                             _pn_results_peek (choice->results, choice->positions[winner - 1]),
                             choice->work[winner - 1]))
        {
          if (winner != 0)
            choice->work[winner - 1] = 0;
          choice->winners[g] = k + 1;
        }
      else
        choice->work[k] = 0;
    }

  choice_hold_top_ups (choice);
  hold_caps_at (choice->results, choice->positions, choice->m, choice->work);
  for (guint k = 0; k < choice->m; k++)
    total = pn_money_sum (total, choice->work[k]);
  return total;
}

typedef struct
{
  GQuark quark;
  guint  accepting;
} Tally;

/* The first question the profile leaves open on which the results left
 * open disagree: no one answer keeps them all.  Its answers they accept
 * go in `answers`. */
static gboolean
choice_next_question (Choice     *choice,
                      PnQuestion *out_question,
                      GArray     *answers)
{
  g_autoptr(GArray) tally = g_array_new (FALSE, FALSE, sizeof (Tally));

  for (guint q = 0; q < PN_N_QUESTIONS; q++)
    {
      guint asking = 0;
      gboolean common = FALSE;

      if (choice->facts->answers[q] != NULL || choice->asked[q])
        continue;
      g_array_set_size (tally, 0);
      for (guint k = 0; k < choice->m; k++)
        {
          if (!choice->alive[k] || (choice->asks[k] & (1u << q)) == 0)
            continue;
          for (guint c = choice->first_open[k]; c < choice->first_open[k + 1]; c++)
            {
              const PnCondition *condition = choice->open[c];

              if (condition->question != q)
                continue;
              asking++;
              for (guint pass = 0; pass < 2; pass++)
                {
                  const GQuark *quarks = pass == 0 ? condition->value_quarks : condition->review_quarks;

                  for (guint v = 0; quarks != NULL && quarks[v] != 0; v++)
                    {
                      guint t;

                      for (t = 0; t < tally->len; t++)
                        if (g_array_index (tally, Tally, t).quark == quarks[v])
                          break;
                      if (t == tally->len)
                        {
                          Tally fresh = { quarks[v], 0 };

                          g_array_append_val (tally, fresh);
                        }
                      /* a value listed twice in one condition counts once */
                      if (pass == 1 && _pn_quark_in (condition->value_quarks, quarks[v]))
                        continue;
                      g_array_index (tally, Tally, t).accepting++;
                    }
                }
            }
        }
      if (asking == 0)
        continue;
      for (guint t = 0; t < tally->len && !common; t++)
        common = g_array_index (tally, Tally, t).accepting == asking;
      if (common)
        continue;

      *out_question = q;
      g_array_set_size (answers, 0);
      for (guint t = 0; t < tally->len; t++)
        g_array_append_val (answers, g_array_index (tally, Tally, t).quark);
      return TRUE;
    }
  return FALSE;
}

typedef struct
{
  GQuark answer;
  gint64 bound;
} Branch;

static int
compare_branches (gconstpointer a,
                  gconstpointer b)
{
  const Branch *x = a;
  const Branch *y = b;

  if (x->bound != y->bound)
    return x->bound > y->bound ? -1 : 1;
  return 0;
}

/* The node at `depth`: its results are alive, `bound` is their total */
static void
choice_search (Choice *choice,
               guint   depth,
               gint64  bound,
               gint64 *best)
{
  g_autoptr(GArray) answers = g_array_new (FALSE, FALSE, sizeof (GQuark));
  g_autoptr(GArray) branches = g_array_new (FALSE, FALSE, sizeof (Branch));
  PnQuestion question;

  /* a common answer for every question: the bound is reached */
  if (depth >= PN_N_QUESTIONS || !choice_next_question (choice, &question, answers) ||
      choice->budget < answers->len)
    {
      *best = MAX (*best, bound);
      return;
    }

  for (guint a = 0; a < answers->len; a++)
    {
      Branch branch = { g_array_index (answers, GQuark, a), 0 };

      choice_narrow (choice, depth, question, branch.answer);
      branch.bound = choice_total (choice);
      choice->budget--;
      g_array_append_val (branches, branch);
    }
  g_array_sort (branches, compare_branches);

  choice->asked[question] = TRUE;
  for (guint b = 0; b < branches->len; b++)
    {
      const Branch *branch = &g_array_index (branches, Branch, b);

      if (branch->bound <= *best)
        break;
      choice_narrow (choice, depth, question, branch->answer);
      choice_search (choice, depth + 1, branch->bound, best);
    }
  choice->asked[question] = FALSE;
  choice->alive = choice->levels + (gsize) depth * choice->m;
}

/* The most the choice's results give together over the answers the
 * profile could still give */
static gint64
choice_best (Choice *choice)
{
  gint64 best = 0;

  for (guint k = 0; k < choice->m; k++)
    choice->levels[k] = choice->amounts[k] != 0;
  choice->alive = choice->levels;
  choice_search (choice, 0, choice_total (choice), &best);
  return best;
}

static gint64
upside_total (const PnFacts *facts,
              PnResults     *results,
              gboolean       skip_unbounded)
{
  guint n = pn_results_get_n_results (results);
  g_autofree gint64 *highs = g_new0 (gint64, MAX (n, 1));
  g_autofree guint *positions = g_new0 (guint, MAX (n, 1));
  g_autoptr(GPtrArray) benefits = g_ptr_array_new ();
  PnFacts favourable;
  Choice choice;
  guint m = 0;
  gint64 total;

  for (guint i = 0; i < n; i++)
    {
      const PnResultEntry *entry = _pn_results_peek (results, i);

      /* the benefits are apart in memory: ask for the next ones early */
      if (i + PREFETCH_AHEAD < n)
        __builtin_prefetch (_pn_results_peek (results, i + PREFETCH_AHEAD)->benefit);
      if (!may_add (entry))
        continue;
      if (entry->high_cny == PN_YUAN_UNSET && skip_unbounded)
        continue;
      if (entry->high_cny == PN_YUAN_UNSET)
        return PN_YUAN_UNSET;
      g_ptr_array_add (benefits, entry->benefit);
      for (guint t = 0; entry->benefit->tops_up != NULL && entry->benefit->tops_up[t] != NULL; t++)
        {
          PnBenefit *target = pn_corpus_find_benefit (facts->corpus, entry->benefit->tops_up[t], NULL);

          if (target != NULL)
            g_ptr_array_add (benefits, target);
        }
    }

  /* one set of figures for all: what together they could give */
  pn_facts_favourable (facts, (PnBenefit **) benefits->pdata, benefits->len, &favourable);
  for (guint i = 0; i < n; i++)
    {
      const PnResultEntry *entry = _pn_results_peek (results, i);
      PnNotCounted problem;
      gint64 high;

      if (!may_add (entry) || entry->high_cny == PN_YUAN_UNSET)
        continue;
      high = best_reading (&favourable, entry->benefit, &problem);
      if (high == PN_YUAN_UNSET)
        high = entry->benefit->cap != PN_YUAN_UNSET ? entry->benefit->cap : 0;
      /* no more than its own "up to" figure, which its yearly caps hold
       * (the favourable figures may be far past them) */
      if (entry->benefit->annual_caps != NULL)
        high = MIN (high, entry->high_cny);
      if (high <= 0)
        continue;
      positions[m] = i;
      highs[m] = high;
      m++;
    }

  choice_init (&choice, facts, &favourable, results, positions, highs, m);
  total = choice_best (&choice);
  choice_clear (&choice);
  return total;
}

gint64
_pn_upside_total (const PnFacts *facts,
                  PnResults     *results)
{
  return upside_total (facts, results, FALSE);
}

gint64
_pn_upside_total_bounded (const PnFacts *facts,
                          PnResults     *results)
{
  return upside_total (facts, results, TRUE);
}

/* ---- what would add most ---- */

typedef struct
{
  PnNextStepKind  kind;
  char           *id;
  PnText          text;
  GPtrArray      *positions;   /* guint positions of the results it opens */
} Step;

static void
step_free (Step *step)
{
  g_free (step->id);
  pn_text_clear (&step->text);
  g_ptr_array_unref (step->positions);
  g_free (step);
}

/* The open points found so far: answers and figures by their enum (most
 * points, one look-up each), the others by a key of their words. */
typedef struct
{
  Step       *answers[PN_N_QUESTIONS];
  Step       *figures[PN_N_FIGURES];
  GHashTable *others;   /* "r:" id [en] → Step (borrowed) */
  GPtrArray  *all;      /* Step, owned */
} Points;

static void
points_init (Points *points)
{
  memset (points, 0, sizeof *points);
  points->others = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  points->all = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

static void
points_clear (Points *points)
{
  g_clear_pointer (&points->others, g_hash_table_unref);
  g_clear_pointer (&points->all, g_ptr_array_unref);
}

static Step *
step_new (Points         *points,
          PnNextStepKind  kind,
          const char     *id,
          const char     *zh,
          const char     *en)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->id = g_strdup (id);
  step->text.zh = g_strdup (zh);
  step->text.en = g_strdup (en);
  step->positions = g_ptr_array_new ();
  g_ptr_array_add (points->all, step);
  return step;
}

static void
open_answer (Points     *points,
             PnQuestion  question,
             guint       position)
{
  Step *step = points->answers[question];

  if (step == NULL)
    step = points->answers[question] = step_new (points, PN_NEXT_STEP_ANSWER,
                                                 pn_question_to_string (question),
                                                 pn_question_describe (question, PN_LANG_ZH),
                                                 pn_question_describe (question, PN_LANG_EN));
  g_ptr_array_add (step->positions, GUINT_TO_POINTER (position));
}

static void
open_requirement (Points     *points,
                  const char *id,
                  const char *zh,
                  const char *en,
                  guint       position)
{
  /* a requirement's id is the benefit's own: two with one id but
   * different words are different requirements */
  g_autofree char *key = g_strconcat ("r:", id, en, NULL);
  Step *step = g_hash_table_lookup (points->others, key);

  if (step == NULL)
    {
      step = step_new (points, PN_NEXT_STEP_REQUIREMENT, id, zh, en);
      g_hash_table_insert (points->others, g_steal_pointer (&key), step);
    }
  g_ptr_array_add (step->positions, GUINT_TO_POINTER (position));
}

static void
open_figure (Points        *points,
             const PnFacts *facts,
             PnFigure       figure,
             guint          position)
{
  Step *step = points->figures[figure];

  if (step == NULL)
    step = points->figures[figure] = step_new (points, PN_NEXT_STEP_FIGURE, pn_figure_to_string (figure),
                                               pn_derivation_figure_label (facts->taxonomy, figure, PN_LANG_ZH),
                                               pn_derivation_figure_label (facts->taxonomy, figure, PN_LANG_EN));
  g_ptr_array_add (step->positions, GUINT_TO_POINTER (position));
}

/* The open points of the result at `position`: unanswered questions,
 * expert recognitions, requirements, a review, figures not given. */
static void
open_points (const PnFacts *facts,
             PnResults     *results,
             guint          position,
             Points        *steps)
{
  PnBenefit *benefit = _pn_results_peek (results, position)->benefit;

  for (guint c = 0; c < benefit->conditions->len; c++)
    {
      const PnCondition *condition = g_ptr_array_index (benefit->conditions, c);
      PnConditionState state = pn_facts_condition_state (facts, condition);

      if (state == PN_CONDITION_UNKNOWN)
        open_answer (steps, condition->question, position);
      else if (state == PN_CONDITION_REVIEW)
        {
          const char *id = pn_question_to_string (condition->question);
          g_autofree char *review = g_strconcat ("review:", id, NULL);
          g_autofree char *zh = g_strdup_printf ("专家评估认定（%s）",
                                                 pn_question_describe (condition->question, PN_LANG_ZH));
          g_autofree char *en = g_strdup_printf ("an expert recognition of %s",
                                                 pn_question_describe (condition->question, PN_LANG_EN));

          open_requirement (steps, review, zh, en, position);
        }
    }

  for (guint r = 0; r < benefit->requirements->len; r++)
    {
      const PnRequirement *requirement = g_ptr_array_index (benefit->requirements, r);

      if (!requirement->attestation)
        open_requirement (steps, requirement->id, requirement->text.zh, requirement->text.en, position);
    }

  if (!benefit->reviewed)
    open_requirement (steps, "unreviewed", "人工审核起草的条款", "a person's review of the drafted measure", position);

  /* figures: each one the arithmetic needs and the answers do not give,
   * the thresholds' and the one the amount is a rate of */
  for (guint t = 0; t < benefit->thresholds->len; t++)
    {
      const PnThreshold *threshold = g_ptr_array_index (benefit->thresholds, t);

      if (facts->figures[threshold->figure] == PN_YUAN_UNSET)
        open_figure (steps, facts, threshold->figure, position);
    }
  if (benefit->base != PN_FIGURE_NONE && benefit->rate > 0 && facts->figures[benefit->base] == PN_YUAN_UNSET)
    open_figure (steps, facts, benefit->base, position);
}

/* What resolving a point may add to the "up to" total: the measures it
 * opens, each up to its high, beside what counts now, less what counts
 * now.  Overlap groups keep their best, yearly caps hold, and answers
 * that exclude each other are not added together (phase I, II and III
 * opened by one "milestone" point: the best of them). */
typedef struct
{
  GArray *positions;  /* guint: the counted results */
  GArray *amounts;    /* gint64: what each counts */
  gint64  total;      /* what they count together */
} Counted;

static void
counted_init (Counted   *counted,
              PnResults *results)
{
  counted->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  counted->amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResultEntry *entry = _pn_results_peek (results, i);
      gint64 amount = entry->counted ? entry->estimate_cny - entry->cut_cny : 0;

      if (amount <= 0)
        continue;
      g_array_append_val (counted->positions, i);
      g_array_append_val (counted->amounts, amount);
    }
  /* overlaps resolved and yearly caps held already: the counted total */
  counted->total = pn_results_get_total (results);
}

static void
counted_clear (Counted *counted)
{
  g_array_unref (counted->positions);
  g_array_unref (counted->amounts);
}

/* A top-up with what it tops up, at one figure: what it adds beside them
 * (its own "up to" is at its own cap's figure, where the award it tops up
 * may give less than at its own) */
static gint64
top_up_beside_targets (const PnFacts       *facts,
                       const PnResultEntry *entry)
{
  PnBenefit *set[8];
  PnFacts favourable;
  PnNotCounted problem;
  gint64 joint;

  pn_facts_favourable (facts, set, with_targets (facts, entry->benefit, set, G_N_ELEMENTS (set)), &favourable);
  joint = best_reading (&favourable, entry->benefit, &problem);
  if (joint == PN_YUAN_UNSET)
    return entry->high_cny;
  return MIN (joint, entry->high_cny);
}

static gint64
adds_high (const PnFacts *facts,
           PnResults     *results,
           const Counted *counted,
           GPtrArray     *opened)
{
  g_autoptr(GArray) positions = g_array_copy (counted->positions);
  g_autoptr(GArray) amounts = g_array_copy (counted->amounts);
  Choice choice;
  gint64 best;

  for (guint i = 0; i < opened->len; i++)
    {
      guint position = GPOINTER_TO_UINT (g_ptr_array_index (opened, i));
      const PnResultEntry *entry = _pn_results_peek (results, position);

      gint64 high = entry->high_cny;

      if (high == PN_YUAN_UNSET)
        return PN_YUAN_UNSET;
      if (entry->benefit->tops_up != NULL)
        high = top_up_beside_targets (facts, entry);
      g_array_append_val (positions, position);
      g_array_append_val (amounts, high);
    }

  choice_init (&choice, facts, NULL, results, (guint *) positions->data, (gint64 *) amounts->data,
               positions->len);
  best = choice_best (&choice);
  choice_clear (&choice);
  return MAX (0, best - counted->total);
}

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const PnNextStep *x = *(PnNextStep **) a;
  const PnNextStep *y = *(PnNextStep **) b;
  /* no upper bound first */
  gint64 ax = x->adds_high_cny == PN_YUAN_UNSET ? G_MAXINT64 : x->adds_high_cny;
  gint64 ay = y->adds_high_cny == PN_YUAN_UNSET ? G_MAXINT64 : y->adds_high_cny;

  if (ax != ay)
    return ax > ay ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (g_strcmp0 (x->id, y->id) != 0)
    return g_strcmp0 (x->id, y->id);
  return g_strcmp0 (x->text.en, y->text.en);
}

GPtrArray *
_pn_upside_next_steps (const PnFacts *facts,
                       PnResults     *results)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_next_step_free);
  Counted counted;
  Points points;

  points_init (&points);

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResultEntry *entry = _pn_results_peek (results, i);

      /* what counts needs nothing; what cannot give on this date, or
       * loses its group, is not opened by any answer */
      if (entry->counted || !may_add (entry) || entry->not_counted == PN_NOT_COUNTED_OVERLAP ||
          entry->high_cny == 0)
        continue;
      open_points (facts, results, i, &points);
    }

  counted_init (&counted, results);
  for (guint p = 0; p < points.all->len; p++)
    {
      const Step *point = g_ptr_array_index (points.all, p);
      PnNextStep *step = g_new0 (PnNextStep, 1);

      step->kind = point->kind;
      step->id = g_strdup (point->id);
      step->text.zh = g_strdup (point->text.zh);
      step->text.en = g_strdup (point->text.en);
      step->adds_high_cny = adds_high (facts, results, &counted, point->positions);
      step->benefits = g_ptr_array_new ();
      for (guint i = 0; i < point->positions->len; i++)
        g_ptr_array_add (step->benefits,
                         _pn_results_peek (results, GPOINTER_TO_UINT (g_ptr_array_index (point->positions, i)))->benefit);
      if (step->adds_high_cny == 0)
        {
          pn_next_step_free (step);
          continue;
        }
      g_ptr_array_add (steps, step);
    }

  points_clear (&points);
  counted_clear (&counted);
  g_ptr_array_sort (steps, compare_steps);
  return steps;
}

/* ---- one result's readings and instalments ---- */

void
_pn_upside_fill (const PnFacts       *facts,
                 const PnResultEntry *entry,
                 PnResult            *result)
{
  PnBenefit *benefit = entry->benefit;
  PnUpsideLimit limit;

  result->high_cny = _pn_upside_high (facts, benefit, entry->status, &limit);
  result->unbounded = limit == PN_UPSIDE_UNBOUNDED;
  if (limit == PN_UPSIDE_UNBOUNDED)
    {
      if (benefit->base != PN_FIGURE_NONE)
        {
          const char *zh = pn_derivation_figure_label (facts->taxonomy, benefit->base, PN_LANG_ZH);
          g_autofree char *en = g_strdup (pn_derivation_figure_label (facts->taxonomy, benefit->base, PN_LANG_EN));

          /* "National (higher-level) funding received" inside a sentence */
          if (g_ascii_isupper (en[0]) && g_ascii_islower (en[1]))
            en[0] = g_ascii_tolower (en[0]);
          result->high_reason.zh = g_strdup_printf ("无上限：本项按%s的比例计算，原文未设封顶；填写%s后可得出金额",
                                                    zh, zh);
          result->high_reason.en = g_strdup_printf ("No upper bound: it is a share of %s, with no cap in the text; "
                                                    "give %s to see the amount", en, en);
        }
      else
        {
          result->high_reason.zh = g_strdup ("无上限：本项按比例计算，计算基数未填写，原文也未设封顶");
          result->high_reason.en = g_strdup ("No upper bound: it is a share of a figure not given, with no cap in the text");
        }
    }
  else if (limit == PN_UPSIDE_NO_AMOUNT)
    {
      result->high_reason.zh = g_strdup ("原文未规定金额，无法估计上限");
      result->high_reason.en = g_strdup ("The text states no amount, so there is no figure to reach");
    }

  result->readings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < benefit->readings->len; i++)
    {
      const PnReading *reading = g_ptr_array_index (benefit->readings, i);
      PnWorthReading differently = { reading->keep_lapsed_target };
      PnReadingResult *out = g_new0 (PnReadingResult, 1);
      PnWorth worth = { 0, };

      pn_worth_compute (facts, benefit, reading->chosen ? NULL : &differently, TRUE, &worth);
      out->reading = reading;
      out->estimate_cny = worth.estimate;
      out->derivation.zh = pn_derivation_write (worth.steps, facts->taxonomy, PN_LANG_ZH);
      out->derivation.en = pn_derivation_write (worth.steps, facts->taxonomy, PN_LANG_EN);
      g_ptr_array_add (result->readings, out);
      pn_worth_clear (&worth);
    }

  result->stages = g_array_new (FALSE, FALSE, sizeof (PnStageResult));
  if (benefit->stages != NULL)
    {
      gint64 paid = 0;

      for (guint i = 0; i < benefit->stages->len; i++)
        {
          PnStageResult stage = { g_array_index (benefit->stages, double, i), PN_YUAN_UNSET, i + 1 };

          /* each year its share, floored; the last year what is left, so
           * that the years add up to the award */
          if (result->estimate_cny != PN_YUAN_UNSET)
            {
              stage.cny = i + 1 == benefit->stages->len
                          ? result->estimate_cny - paid
                          : (gint64) ((double) result->estimate_cny * stage.share + 1e-9);
              paid += stage.cny;
            }
          g_array_append_val (result->stages, stage);
        }
    }
}
