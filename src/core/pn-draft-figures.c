/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-draft"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pn-draft-private.h"
#include "pn-derivation.h"
#include "pn-money.h"
#include "pn-policy-writer.h"

/* How a sentence gives money, as docs/corpus-guide.md encodes it:
 *   按照研发投入最高不超过40%的标准，给予最高不超过400万元的奖励
 *     → rate 0.4 of rd-investment, cap 4000000
 *   完成Ⅰ、Ⅱ、Ⅲ期临床试验的，…分别给予最高不超过1000万元、2000万元、3000万元
 *     → one benefit per phase, each with its cap
 *   累计销售收入达到100万元的，每个品种给予300万元奖励
 *     → fixed 3000000 per product, threshold sales ≥ 1000000
 *   单个企业每年支持额度最高不超过3000万元 → an annual cap of the document
 * The text is read squashed (no white space, ASCII digits); offsets map
 * back to the article's original for the figures the editor highlights. */

typedef enum
{
  TOKEN_YUAN,
  TOKEN_RATE,
  TOKEN_RATIO,
} TokenKind;

typedef struct
{
  TokenKind kind;
  gint64    yuan;
  double    rate;
  gsize     start;    /* in the squashed text */
  gsize     end;
  guint     sentence;
  guint     clause;
  gboolean  ranged;   /* the upper end of "30%—50%" */
  gboolean  band_low; /* "营业收入5亿元（含）至10亿元的": a condition's lower end… */
  gboolean  band_high;/* …and its upper end, which no threshold holds */
  gboolean  too_large; /* more yuan than an award may be (PN_MONEY_MAX) */
} Token;

typedef enum
{
  ROLE_AMOUNT,
  ROLE_RATE,
  ROLE_CAP,
  ROLE_THRESHOLD,
  ROLE_STAGE,
  ROLE_OTHER,
  ROLE_RELATIVE,   /* another award's standard changed or split: 前款标准的50%, 提高至, 其中 */
} Role;

typedef struct
{
  guint first;       /* index into tokens */
  guint n;
  Role  role;
  gboolean limit;    /* ROLE_RELATIVE: a limit on the awards before it */
} Run;

typedef struct
{
  gsize start;
  gsize end;          /* past the closing parenthesis */
  char *lead;
  char *cooperating;
} UnitGroup;

typedef struct
{
  PnBenefit *benefit;
  guint      sentence;
  guint      clause;
  guint      paragraph;
  gsize      position;
  gboolean   from_rate;   /* a rate (or matching, top-up) awaiting its cap */
  gboolean   capped;
  gint64     per_period;  /* "每月3000元": the amount a month or a year, else 0 */
  gboolean   monthly;
  guint      n_periods;   /* for how many months or years, 0 when not stated */
  guint      year_from;   /* "第二年按50%": the years of a term it is for, 0 */
  guint      year_to;
  /* a higher standard for a part of an award's applicants: made a top-up
   * of that award at the end of build (), once the thresholds are read,
   * else the note `if_not` says (0: none, 1: raised, 2: a higher cap) */
  gboolean   replaces;
  PnBenefit *replaces_lower;  /* the award it replaces, or NULL to look back */
  guint      if_not;
  gboolean   relative;    /* made of another award's standard (relative_awards ()) */
} Made;

typedef struct
{
  PnArticle     *article;
  PnDocument    *document;
  PnDraftPlaces *places;
  PnTaxonomy    *taxonomy;
  GPtrArray     *figures;       /* PnDraftFigure, the caller's */
  char          *s;             /* squashed */
  GArray        *map;           /* squashed byte → original byte */
  GArray        *tokens;        /* Token */
  GArray        *sentences;     /* gsize pairs: start, end */
  GArray        *clauses;       /* gsize pairs */
  GArray        *groups;        /* UnitGroup */
  GPtrArray     *made;          /* Made */
  GHashTable    *slugs;
  guint          annual_from;   /* made index the next annual cap starts at */
  guint          n_caps;
  GPtrArray     *skipped;       /* char *, figures that are no award */
  GPtrArray     *relative;      /* char *, figures that change or split another award */
  GArray        *relative_at;   /* guint: the tokens of those that are one rate */
  GPtrArray     *foreign;       /* char *, amounts in another currency */
  gsize          para_pos;      /* paragraph_of ()'s last position… */
  guint          para_n;        /* …and the paragraphs before it */
} Reader;

static const char * const award_words[] = {
  "给予", "予以", "奖励", "补助", "资助", "补贴", "配套", "补足", "奖补", "扶持", "支持额度",
  "资金支持", "贴息", "一次性", "最高不超过", "补齐",
  /* "首两年免收租金，第三年至第五年按照市场租金的50%收取" */
  "免收", "减半收取", "全免", "减半", NULL
};

/* ---- text ---- */

static gsize
char_len (const char *p)
{
  return g_utf8_next_char (p) - p;
}

static gboolean
at (const char *s,
    gsize       pos,
    const char *word)
{
  return g_str_has_prefix (s + pos, word);
}

static gboolean
span_has (const char *s,
          gsize       start,
          gsize       end,
          const char *word)
{
  gsize n = strlen (word);

  for (gsize i = start; i + n <= end; i++)
    if (memcmp (s + i, word, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
span_has_any (const char         *s,
              gsize               start,
              gsize               end,
              const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (span_has (s, start, end, words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
span_ends_with_any (const char         *s,
                    gsize               start,
                    gsize               end,
                    const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize n = strlen (words[i]);

      if (end >= start + n && memcmp (s + end - n, words[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Back from `pos` by `chars` characters, not before `floor`. */
static gsize
back (const char *s,
      gsize       pos,
      guint       chars,
      gsize       floor)
{
  while (chars-- > 0 && pos > floor)
    {
      const char *prev = g_utf8_find_prev_char (s + floor, s + pos);

      if (prev == NULL)
        break;
      pos = prev - s;
    }
  return pos;
}

static char *
span_dup (const char *s,
          gsize       start,
          gsize       end)
{
  char *span = g_strndup (s + start, end > start ? end - start : 0);
  const char *valid_end;

  /* a span measured in bytes ("the 36 after the rate") may end inside a
   * character: cut before it, or walking it by characters reads past the
   * end (found by fuzz-draft) */
  if (!g_utf8_validate (span, -1, &valid_end))
    span[valid_end - span] = '\0';
  return span;
}

/* The original text of a squashed span, for quotes. */
static char *
original_span (Reader *self,
               gsize   start,
               gsize   end)
{
  gsize a = g_array_index (self->map, gsize, start);
  gsize b = MAX (a, g_array_index (self->map, gsize, end));
  g_autofree char *text = g_strndup (self->article->original + a, b - a);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *joined = g_strjoinv ("", lines);

  return pn_draft_strip (g_steal_pointer (&joined));
}

/* ---- figures ---- */

static gboolean
read_decimal (const char *s,
              gsize      *pos,
              double     *out)
{
  gsize i = *pos;
  gsize start = i;

  while (g_ascii_isdigit (s[i]))
    i++;
  if (i == start)
    return FALSE;
  if (s[i] == '.' && g_ascii_isdigit (s[i + 1]))
    {
      i++;
      while (g_ascii_isdigit (s[i]))
        i++;
    }
  {
    g_autofree char *number = g_strndup (s + start, i - start);

    *out = g_ascii_strtod (number, NULL);
  }
  *pos = i;
  return TRUE;
}

/* The unit after a number at `pos`: 亿元, 万元, 元, 万 (before 的、和…), %. */
static gboolean
read_unit (const char *s,
           gsize      *pos,
           TokenKind  *kind,
           double     *factor)
{
  static const char * const wan_followers[] = {
    "的", "、", "和", "及", "或", "至", "到", "，", "。", "；", "奖励", "补助", "资助", "补贴", "一次性",
    /* "100万—300万元" */
    "—", "–", "－", "-", "~", "～", NULL
  };

  /* "5千万元", "3百万元", "2千元": a digit before a word of a power of
   * ten (read alone, 千万元 would be a figure of its own, ¥10,000,000) */
  if (at (s, *pos, "千万元"))
    *factor = 1e7, *kind = TOKEN_YUAN, *pos += strlen ("千万元");
  else if (at (s, *pos, "百万元"))
    *factor = 1e6, *kind = TOKEN_YUAN, *pos += strlen ("百万元");
  else if (at (s, *pos, "千元"))
    *factor = 1e3, *kind = TOKEN_YUAN, *pos += strlen ("千元");
  else if ((at (s, *pos, "千万") || at (s, *pos, "百万")) &&
           pn_draft_has_prefix_any (s + *pos + strlen ("千万"), wan_followers))
    *factor = at (s, *pos, "千万") ? 1e7 : 1e6, *kind = TOKEN_YUAN, *pos += strlen ("千万");
  else if (at (s, *pos, "亿元"))
    *factor = 1e8, *kind = TOKEN_YUAN, *pos += strlen ("亿元");
  else if (at (s, *pos, "万元"))
    *factor = 1e4, *kind = TOKEN_YUAN, *pos += strlen ("万元");
  else if (at (s, *pos, "万") && !at (s, *pos, "万亿") && !at (s, *pos, "万美元") &&
           pn_draft_has_prefix_any (s + *pos + strlen ("万"), wan_followers))
    *factor = 1e4, *kind = TOKEN_YUAN, *pos += strlen ("万");
  else if (at (s, *pos, "亿") && !at (s, *pos, "亿美元") &&
           pn_draft_has_prefix_any (s + *pos + strlen ("亿"), wan_followers))
    *factor = 1e8, *kind = TOKEN_YUAN, *pos += strlen ("亿");
  else if (at (s, *pos, "元") && !at (s, *pos, "元素"))
    *factor = 1, *kind = TOKEN_YUAN, *pos += strlen ("元");
  else if (s[*pos] == '%')
    *factor = 0.01, *kind = TOKEN_RATE, *pos += 1;
  else
    return FALSE;
  return TRUE;
}

static gboolean
inside_groups (Reader *self,
               gsize   pos)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      UnitGroup *group = &g_array_index (self->groups, UnitGroup, i);

      if (pos >= group->start && pos < group->end)
        return TRUE;
    }
  return FALSE;
}

static void
add_token (Reader    *self,
           TokenKind  kind,
           double     value,
           double     factor,
           gsize      start,
           gsize      end)
{
  Token token = { kind, PN_YUAN_UNSET, -1, start, end, 0, 0, FALSE, FALSE, FALSE, FALSE };

  if (kind == TOKEN_YUAN)
    {
      double yuan = value * factor;

      /* "实现营业收入33707.5亿元" is a statistic, and a run of 400 digits
       * no figure: neither is drafted as an award (nor converted past
       * what a gint64 holds) */
      token.too_large = !(yuan >= 0 && yuan <= (double) PN_MONEY_MAX);
      token.yuan = token.too_large ? PN_MONEY_MAX + 1 : (gint64) llround (yuan);
    }
  else
    token.rate = value * factor;
  g_array_append_val (self->tokens, token);
}

static PnFigure find_base (const char *s,
                           gsize       start,
                           gsize       end);
static gsize subject_start (Reader *self,
                            guint   clause,
                            gsize   pos);

/* "（含）" or "(含)" at `pos`: its length, else 0 */
static gsize
included_len (const char *s,
              gsize       pos)
{
  if (g_str_has_prefix (s + pos, "（含）"))
    return strlen ("（含）");
  if (g_str_has_prefix (s + pos, "(含)"))
    return strlen ("(含)");
  return 0;
}

/* Whether the range of yuan `a`–`b` bounds a condition: "对年营业收入
 * 5亿元（含）至10亿元的企业", "固定资产投资在5000万元—1亿元之间的项目"
 * (a figure named before it, no award word between, a subject after
 * it), not an award's "给予50万元至100万元奖励". */
static gboolean
is_band (Reader *self,
         Token  *a,
         Token  *b)
{
  static const char * const award_words[] = { "给予", "奖励", "补助", "资助", "补贴", "支持", NULL };
  const char *s = self->s;
  gsize from = back (s, a->start, 12, 0);
  gsize after = b->end + included_len (s, b->end);

  /* clauses are not split yet: not past the last punctuation */
  for (gsize p = from; p < a->start; p = g_utf8_next_char (s + p) - s)
    if (g_str_has_prefix (s + p, "，") || g_str_has_prefix (s + p, "。") ||
        g_str_has_prefix (s + p, "；") || g_str_has_prefix (s + p, "：") || s[p] == '\n')
      from = g_utf8_next_char (s + p) - s;

  if (a->kind != TOKEN_YUAN || b->kind != TOKEN_YUAN || a->yuan >= b->yuan)
    return FALSE;
  if (!g_str_has_prefix (s + after, "的") && !g_str_has_prefix (s + after, "之间") &&
      !g_str_has_prefix (s + after, "（不含）") && !g_str_has_prefix (s + after, "，"))
    return FALSE;
  if (find_base (s, from, a->start) == PN_FIGURE_NONE)
    return FALSE;
  for (guint i = 0; award_words[i] != NULL; i++)
    {
      const char *found = g_strstr_len (s + from, a->start - from, award_words[i]);

      /* "给予营业收入…" would be odd; an award word after the figure's name
       * makes this the award's own range */
      if (found != NULL)
        return FALSE;
    }
  return TRUE;
}

/* "按照30%—50%的比例", "50万元至100万元": one figure, its upper bound
 * (the estimate is the most an award can give), with a note.  A range
 * that bounds a condition ("营业收入5亿元（含）至10亿元的企业") stays two
 * figures: its lower end a threshold, its upper end none (is_band ()). */
static void
merge_ranges (Reader *self)
{
  static const char * const dashes[] = { "—", "–", "-", "~", "～", "至", "到", "—", NULL };

  for (guint i = 0; i + 1 < self->tokens->len;)
    {
      Token *a = &g_array_index (self->tokens, Token, i);
      Token *b = &g_array_index (self->tokens, Token, i + 1);
      gsize skip = included_len (self->s, a->end);
      g_autofree char *between = span_dup (self->s, a->end + skip, MAX (a->end + skip, b->start));
      gboolean dash = FALSE;

      for (guint d = 0; dashes[d] != NULL && !dash; d++)
        dash = g_str_equal (between, dashes[d]) ||
               (g_str_has_prefix (between, dashes[d]) && g_str_equal (between + strlen (dashes[d]), "—"));
      if (!dash || a->kind != b->kind)
        {
          i++;
          continue;
        }
      if (is_band (self, a, b))
        {
          a->band_low = TRUE;
          b->band_high = TRUE;
          i += 2;
          continue;
        }
      if (skip > 0)
        {
          /* "50万元（含）至100万元" of an award: one figure, as before */
          i++;
          continue;
        }
      b->start = a->start;
      b->ranged = TRUE;
      g_array_remove_index (self->tokens, i);
    }
}

/* ":", "：" or "∶" (as in 4∶3∶3) */
static gsize
colon_len (const char *p)
{
  if (*p == ':')
    return 1;
  if (g_str_has_prefix (p, "：") || g_str_has_prefix (p, "∶"))
    return strlen ("：");
  return 0;
}

/* A ratio of a payment's instalments ("分三年按4:3:3拨付", "按6:4的比例分两年
 * 兑现"), not of two sums ("按1:1配套") nor of who pays ("按5:5比例分担"). */
/* Past "的" and "比例" after a ratio. */
static gsize
after_ratio (const char *s,
             gsize       end)
{
  for (guint k = 0; k < 3; k++)
    if (at (s, end, "的") || at (s, end, "比例"))
      end += at (s, end, "的") ? strlen ("的") : strlen ("比例");
  return end;
}

/* "由市、县两级财政按5:5比例分担": who pays, not an award */
static gboolean
shared_cost (const char *s,
             gsize       end)
{
  static const char * const share_words[] = { "分担", "承担", "负担", NULL };

  return pn_draft_has_prefix_any (s + after_ratio (s, end), share_words);
}

static gboolean
staged_ratio (const char *s,
              gsize       start,
              gsize       end,
              guint       n_parts)
{
  static const char * const pay_words[] = { "拨付", "发放", "兑现", "支付", "分期", NULL };
  gsize look = after_ratio (s, end);
  gsize from = back (s, start, 12, 0);
  g_autofree char *before = span_dup (s, from, start);
  gboolean over_years = FALSE;

  if (shared_cost (s, end) || at (s, look, "配套"))
    return FALSE;

  /* 分三年, 分3年, 分两期, 分二次 */
  for (const char *fen = strstr (before, "分"); fen != NULL && !over_years; fen = strstr (fen + 1, "分"))
    {
      const char *q = fen + strlen ("分");

      while (*q != '\0' && (g_ascii_isdigit (*q) || pn_draft_cn_number_len (q) > 0 || g_str_has_prefix (q, "两")))
        q += g_ascii_isdigit (*q) ? 1 : g_str_has_prefix (q, "两") ? strlen ("两") : pn_draft_cn_number_len (q);
      over_years = q > fen + strlen ("分") &&
                   (g_str_has_prefix (q, "年") || g_str_has_prefix (q, "期") || g_str_has_prefix (q, "次"));
    }

  return over_years || pn_draft_has_prefix_any (s + look, pay_words) ||
         (n_parts >= 3 && strstr (before, "按") != NULL);
}

static void
tokenize (Reader *self)
{
  const char *s = self->s;

  for (gsize i = 0; s[i] != '\0';)
    {
      gsize start = i, pos;
      double value;
      TokenKind kind;
      double factor;

      if (inside_groups (self, i))
        {
          i += char_len (s + i);
          continue;
        }

      /* 1:1, 1:0.5; 4:3:3 */
      if (g_ascii_isdigit (s[i]) && (i == 0 || !g_ascii_isdigit (s[i - 1])))
        {
          pos = i;
          if (read_decimal (s, &pos, &value))
            {
              double parts[8] = { value, };
              gsize ends[8] = { pos, };
              guint n_parts = 1;
              gsize after = pos;

              while (n_parts < G_N_ELEMENTS (parts) && colon_len (s + after) > 0)
                {
                  gsize next = after + colon_len (s + after);

                  if (!read_decimal (s, &next, &parts[n_parts]))
                    break;
                  ends[n_parts++] = next;
                  after = next;
                }

              if (n_parts >= 2 && value > 0)
                {
                  if (staged_ratio (s, start, after, n_parts))
                    {
                      /* "分三年按4:3:3拨付": each part a share of the award */
                      double sum = 0;
                      gsize part_start = start;

                      for (guint k = 0; k < n_parts; k++)
                        sum += parts[k];
                      for (guint k = 0; k < n_parts && sum > 0; k++)
                        {
                          add_token (self, TOKEN_RATE, parts[k], 1.0 / sum, part_start, ends[k]);
                          part_start = ends[k] + colon_len (s + ends[k]);
                        }
                    }
                  else if (n_parts == 2 && !shared_cost (s, after))
                    add_token (self, TOKEN_RATIO, parts[1] / value, 1, start, after);
                  i = after;
                  continue;
                }

              if (s[pos] != '.' && (i == 0 || s[i - 1] != '.'))
                {
                  gsize unit_pos = pos;

                  if (read_unit (s, &unit_pos, &kind, &factor))
                    {
                      /* "15%—20%" and dates are no awards but are figures;
                       * "2022年" is no figure */
                      add_token (self, kind, value, factor, start, unit_pos);
                      i = unit_pos;
                      continue;
                    }

                  /* "50万澳门元", "100万美元": no yuan; said, not dropped */
                  {
                    static const char * const currencies[] = {
                      "万澳门元", "澳门元", "万港元", "港元", "万美元", "美元", "万欧元", "欧元", "万元澳门币",
                      "澳门币", NULL
                    };

                    for (guint c = 0; currencies[c] != NULL; c++)
                      if (at (s, pos, currencies[c]))
                        {
                          if (self->foreign != NULL)
                            g_ptr_array_add (self->foreign, span_dup (s, start, pos + strlen (currencies[c])));
                          unit_pos = pos + strlen (currencies[c]);
                          break;
                        }
                    if (unit_pos > pos)
                      {
                        i = unit_pos;
                        continue;
                      }
                  }

                  /* "300、150万元": a bare number takes the unit of the
                   * figure its enumeration ends on */
                  {
                    gsize look = pos;
                    int hops = 0;

                    while (hops < 5 && (at (s, look, "、") || at (s, look, "和") || at (s, look, "及") ||
                                        at (s, look, "或")))
                      {
                        double next;

                        look += char_len (s + look);
                        if (!read_decimal (s, &look, &next))
                          break;
                        hops++;
                        unit_pos = look;
                        if (read_unit (s, &unit_pos, &kind, &factor))
                          {
                            add_token (self, kind, value, factor, start, pos);
                            break;
                          }
                      }
                  }
                  i = pos;
                  continue;
                }
              i = pos;
              continue;
            }
        }

      /* "免收第一年租金": the rent, all of it */
      if (at (s, i, "免收"))
        {
          gsize look = i + strlen ("免收");
          gboolean rent = FALSE;

          for (int n = 0; n < 6 && s[look] != '\0' && !rent; n++, look += char_len (s + look))
            rent = at (s, look, "租金") || at (s, look, "房租");
          if (rent)
            {
              add_token (self, TOKEN_RATE, 100, 0.01, start, i + strlen ("免收"));
              i += strlen ("免收");
              continue;
            }
        }

      /* "前两年全免、第三年减半": the whole rent, then half of it */
      if ((at (s, i, "全免") || at (s, i, "减半")) && self->s != NULL &&
          (strstr (s, "租金") != NULL || strstr (s, "房租") != NULL))
        {
          add_token (self, TOKEN_RATE, at (s, i, "全免") ? 100 : 50, 0.01, start, i + strlen ("全免"));
          i += strlen ("全免");
          continue;
        }

      /* "第一年全额补贴": the whole of it, 100% */
      if (at (s, i, "全额") &&
          pn_draft_has_prefix_any (s + i + strlen ("全额"),
                                   (const char * const[]) { "补贴", "补助", "资助", "奖励", "返还", "给予",
                                                            "租金补贴", "房租补贴", "贴息", NULL }))
        {
          add_token (self, TOKEN_RATE, 100, 0.01, start, i + strlen ("全额"));
          i += strlen ("全额");
          continue;
        }

      /* "百分之二十", "百分之10": a rate in words */
      if (at (s, i, "百分之"))
        {
          gsize from = i + strlen ("百分之");
          gsize len = pn_draft_cn_number_len (s + from);
          double rate = -1;

          pos = from;
          if (len > 0)
            {
              rate = pn_draft_cn_number (s + from, len);
              pos = from + len;
            }
          else if (g_ascii_isdigit (s[from]) && !read_decimal (s, &pos, &rate))
            rate = -1;
          if (rate > 0 && rate <= 1000)
            {
              add_token (self, TOKEN_RATE, rate, 0.01, start, pos);
              i = pos;
              continue;
            }
        }

      /* 五百万元, 一千万元 */
      if (!g_ascii_isdigit (s[i]) && pn_draft_cn_number_len (s + i) > 0 &&
          (i == 0 || pn_draft_cn_number_len (g_utf8_find_prev_char (s, s + i)) == 0))
        {
          gsize len = pn_draft_cn_number_len (s + i);
          int cn = pn_draft_cn_number (s + i, len);

          pos = i + len;
          if (cn > 0 && (at (s, pos, "万元") || at (s, pos, "亿元")) &&
              read_unit (s, &pos, &kind, &factor))
            {
              add_token (self, kind, cn, factor, start, pos);
              i = pos;
              continue;
            }
          i += len;
          continue;
        }

      i += char_len (s + i);
    }
}

/* ---- unit parentheses: （责任单位：…，配合单位：…） ---- */

static gsize
matching_close (const char *s,
                gsize       open)
{
  int depth = 0;

  for (gsize i = open; s[i] != '\0'; i += char_len (s + i))
    {
      if (at (s, i, "（") || s[i] == '(')
        depth++;
      else if (at (s, i, "）") || s[i] == ')')
        {
          if (--depth == 0)
            return i + char_len (s + i);
        }
      else if (s[i] == '\n' && depth > 0 && i > open + 600)
        break;
    }
  return 0;
}

static gboolean
is_unit_list (const char *text)
{
  static const char * const endings[] = {
    "局", "委", "厅", "办", "政府", "院", "会", "部", "中心", "行", "处", "署", "区", "分局", "海关",
    NULL
  };
  g_autoptr(GString) list = g_string_new (text);
  g_auto(GStrv) items = NULL;
  guint n = 0;

  /* (g_strsplit_set splits bytes, not characters) */
  g_string_replace (list, "、", ",", 0);
  g_string_replace (list, "，", ",", 0);
  items = g_strsplit (list->str, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      gboolean ok = FALSE;

      if (*items[i] == '\0')
        continue;
      for (guint e = 0; endings[e] != NULL && !ok; e++)
        ok = g_str_has_suffix (items[i], endings[e]);
      if (!ok || g_utf8_strlen (items[i], -1) > 24)
        return FALSE;
      n++;
    }
  return n > 0;
}

static void
find_unit_groups (Reader *self)
{
  static const char * const labels[] = {
    "责任单位", "牵头单位", "主责单位", "责任部门", "牵头部门", "责任主体", NULL
  };
  const char *s = self->s;

  for (gsize i = 0; s[i] != '\0'; i += char_len (s + i))
    {
      gsize inner, close;
      UnitGroup group = { 0 };
      g_autofree char *content = NULL;
      const char *coop;

      /* "配合单位：新区财政局" on the line after the lead units: theirs */
      if ((i == 0 || s[i - 1] == '\n') && at (s, i, "配合单位") && self->groups->len > 0 &&
          g_array_index (self->groups, UnitGroup, self->groups->len - 1).end + 1 == i &&
          g_array_index (self->groups, UnitGroup, self->groups->len - 1).cooperating == NULL)
        {
          UnitGroup *lead = &g_array_index (self->groups, UnitGroup, self->groups->len - 1);
          const char *end = strchr (s + i, '\n');
          g_autofree char *line = g_strndup (s + i, end != NULL ? (gsize) (end - (s + i)) : strlen (s + i));
          const char *colon = pn_draft_find_any (line, (const char * const[]) { "：", ":", NULL });

          if (colon != NULL)
            {
              lead->cooperating = pn_draft_strip (g_strdup (g_utf8_next_char (colon)));
              if (g_str_has_suffix (lead->cooperating, "。"))
                lead->cooperating[strlen (lead->cooperating) - strlen ("。")] = '\0';
              lead->end = i + strlen (line);
              i = lead->end > 0 ? lead->end - 1 : 0;
              continue;
            }
        }

      /* "责任单位：区科技和创新局" on a line of its own, without brackets */
      if ((i == 0 || s[i - 1] == '\n') && pn_draft_has_prefix_any (s + i, labels))
        {
          const char *end = strchr (s + i, '\n');
          g_autofree char *line = g_strndup (s + i, end != NULL ? (gsize) (end - (s + i)) : strlen (s + i));
          const char *colon = pn_draft_find_any (line, (const char * const[]) { "：", ":", NULL });
          const char *label_end = colon != NULL ? colon : line;

          /* the label, then at once its colon: "责任单位：", not a sentence
           * about the units */
          if (colon != NULL && g_utf8_strlen (line, label_end - line) <= 5)
            {
              group.lead = pn_draft_strip (g_strdup (g_utf8_next_char (colon)));
              /* "。" a line may end on */
              if (g_str_has_suffix (group.lead, "。"))
                group.lead[strlen (group.lead) - strlen ("。")] = '\0';
              coop = pn_draft_find_any (group.lead, (const char * const[]) {
                "配合单位", "协同单位", "参与单位", NULL });
              if (coop != NULL)
                {
                  const char *c = pn_draft_find_any (coop, (const char * const[]) { "：", ":", NULL });

                  group.cooperating = g_strdup (c ? g_utf8_next_char (c) : coop);
                  ((char *) coop)[0] = '\0';
                }
              group.start = i;
              group.end = i + strlen (line);
              g_array_append_val (self->groups, group);
              i = group.end > 0 ? group.end - 1 : 0;
              continue;
            }
        }

      if (!(at (s, i, "（") || s[i] == '('))
        continue;
      inner = i + char_len (s + i);
      close = matching_close (s, i);
      if (close == 0)
        continue;
      content = span_dup (s, inner, close - char_len (g_utf8_find_prev_char (s, s + close)));

      if (pn_draft_has_prefix_any (content, labels))
        {
          const char *colon = pn_draft_find_any (content, (const char * const[]) { "：", ":", NULL });

          if (colon == NULL)
            continue;
          group.lead = g_strdup (g_utf8_next_char (colon));
        }
      else if (is_unit_list (content) &&
               (s[close] == '\0' || s[close] == '\n' || at (s, close, "。")))
        group.lead = g_strdup (content);   /* "(市卫健委、市财政局、市发改委)" */
      else
        continue;

      /* "…，配合单位：…" */
      coop = pn_draft_find_any (group.lead, (const char * const[]) {
        "配合单位", "协同单位", "参与单位", NULL });
      if (coop != NULL)
        {
          const char *colon = pn_draft_find_any (coop, (const char * const[]) { "：", ":", NULL });

          group.cooperating = g_strdup (colon ? g_utf8_next_char (colon) : coop);
          ((char *) coop)[0] = '\0';
        }

      group.start = i;
      group.end = close;
      g_array_append_val (self->groups, group);
      i = close - 1;
    }
}

static void
unit_group_clear (UnitGroup *group)
{
  g_free (group->lead);
  g_free (group->cooperating);
}

/* ---- sentences and clauses ---- */

static void
split_sentences (Reader *self)
{
  const char *s = self->s;
  gsize start = 0, clause_start = 0;
  guint sentence = 0, clause = 0;
  guint t = 0;

  for (gsize i = 0; ; i += s[i] ? char_len (s + i) : 1)
    {
      gboolean end_clause = s[i] == '\0' || at (s, i, "；") || s[i] == ';';
      gboolean end_sentence = s[i] == '\0' || s[i] == '\n' || at (s, i, "。") || at (s, i, "！") ||
                              at (s, i, "？");

      for (guint g = 0; g < self->groups->len; g++)
        if (g_array_index (self->groups, UnitGroup, g).start == i)
          end_sentence = TRUE;

      if (end_clause || end_sentence)
        {
          gsize pair[2] = { clause_start, i };

          for (; t < self->tokens->len && g_array_index (self->tokens, Token, t).start < i; t++)
            {
              g_array_index (self->tokens, Token, t).sentence = sentence;
              g_array_index (self->tokens, Token, t).clause = clause;
            }
          g_array_append_vals (self->clauses, pair, 2);
          clause++;
          clause_start = s[i] ? i + char_len (s + i) : i;
        }
      if (end_sentence)
        {
          gsize pair[2] = { start, i };

          g_array_append_vals (self->sentences, pair, 2);
          sentence++;
          start = s[i] ? i + char_len (s + i) : i;
        }
      if (s[i] == '\0')
        break;
    }
}

static gsize
sentence_start (Reader *self,
                guint   sentence)
{
  return g_array_index (self->sentences, gsize, sentence * 2);
}

static gsize
sentence_end (Reader *self,
              guint   sentence)
{
  return g_array_index (self->sentences, gsize, sentence * 2 + 1);
}

static gsize
clause_start (Reader *self,
              guint   clause)
{
  return g_array_index (self->clauses, gsize, clause * 2);
}

static gsize
clause_end (Reader *self,
            guint   clause)
{
  return g_array_index (self->clauses, gsize, clause * 2 + 1);
}

/* The paragraph `pos` is in.  Benefits are made in the text's order: the
 * count goes on from the last position asked (from the start each time,
 * 16,000 one-line articles took seconds, quadratic in their number). */
static guint
paragraph_of (Reader *self,
              gsize   pos)
{
  gsize i = 0;
  guint n = 0;

  if (pos >= self->para_pos)
    {
      i = self->para_pos;
      n = self->para_n;
    }
  for (; i < pos && self->s[i] != '\0'; i++)
    if (self->s[i] == '\n')
      n++;
  self->para_pos = i;
  self->para_n = n;
  return n;
}

/* The last "，" (or "：") before `pos` in the clause, else its start. */
static gsize
last_comma (Reader *self,
            guint   clause,
            gsize   pos,
            gsize   floor)
{
  gsize start = MAX (clause_start (self, clause), floor);
  const char *a = pn_draft_rfind (self->s + start, self->s + pos, "，");
  const char *b = pn_draft_rfind (self->s + start, self->s + pos, ",");
  const char *hit = a > b ? a : b;

  return hit != NULL ? (gsize) (hit - self->s) + char_len (hit) : start;
}

/* ---- roles ---- */

static const char * const threshold_before[] = {
  "达到", "超过", "超", "突破", "高于", "不低于", "不少于", "在", "达", NULL
};
static const char * const cap_words[] = {
  "最高", "最多", "不超过", "不高于", "上限", "封顶", "不得超过", "累计不超过", NULL
};
static const char * const scale_words[] = {
  "总投资", "投资", "投资额", "产值", "规模", "基金", "总额", "营业收入", "营收", NULL
};
static const char * const stat_words[] = {
  "增长", "下降", "提高", "降低", "占", "比重", "同比", "增速", "增加", "减少", "回落", "承担",
  "分担", "负担", NULL
};

/* a price per unit of land, energy or goods: "每亩500元", "0.1元/千瓦时" */
static const char * const price_marks[] = {
  "每亩", "每千瓦时", "/千瓦时", "每度电", "元/度", "每吨", "元/吨", "每立方米", "元/立方米", "元/亩",
  /* "按每张床位5万元给予一次性补助": a price a bed, which no question counts */
  "每张床位", "每张床", "每床", "张床位", "元/床", NULL
};

static const char * const enterprise_subjects[] = {
  "单个企业", "每个企业", "每家企业", "单家企业", "同一企业", "每个单位", "单个单位", "同一单位",
  "每个医疗机构", "每家医疗机构", "单个医疗机构", "每个机构", "单个机构", "每个主持单位",
  "每个申报单位", "单个申报单位", "每户企业", NULL
};

/* "给予最高1000万元的综合资助，其中个人奖励最高200万元": a share of a
 * larger award stated just before in the sentence, after "其中" */
static gboolean
part_of_award_before (Reader *self,
                      Run    *run,
                      gsize   window)
{
  const char *s = self->s;
  Token *first = &g_array_index (self->tokens, Token, run->first);
  gsize sstart = sentence_start (self, first->sentence);

  if (first->kind != TOKEN_YUAN)
    return FALSE;
  for (guint i = 0; i < run->first; i++)
    {
      Token *before = &g_array_index (self->tokens, Token, i);
      const char *which;

      if (before->kind != TOKEN_YUAN || before->start < sstart || before->yuan <= first->yuan)
        continue;
      /* "最高500万元奖励，其中完成股份制改造奖励100万元，辅导备案奖励100万元，
       * 成功上市奖励300万元": every part after 其中 (only the first was);
       * "对其中的重大项目…给予" is another award */
      which = g_strstr_len (s + before->end, first->start - before->end, "其中");
      if (which != NULL && !(which - s >= (gssize) strlen ("对") && at (s, which - s - strlen ("对"), "对")) &&
          (span_has (s, window, first->start, "其中") ||
           /* a list of parts, no tier of its own ("其中投资额达到5亿元以上的
            * 重点项目…最高不超过5000万元" is one) */
           (!span_has_any (s, which - s, first->start,
                          (const char * const[]) { "；", "以上", "达到", "超过", "提高", "比例", "%",
                                                   "项目", "企业",
                                                   /* "其中属于…的，另给予100万元": the part's own award */
                                                   "的，", "再给予", "另给予", "另行给予", "再奖励", "另奖励",
                                                   NULL }) &&
           /* "其中设备补助最高1000万元，厂房装修补助最高500万元": parts, each
            * at most; "其中…的重点项目…最高" is a tier */
            !(span_has (s, which - s, first->start, "最高") && span_has (s, which - s, first->start, "的")))))
        return TRUE;
    }
  return FALSE;
}

/* Where the first cap word of [from, to) starts, or `to` */
static gsize
first_cap_word (const char *s,
                gsize       from,
                gsize       to)
{
  gsize found = to;

  for (guint i = 0; cap_words[i] != NULL; i++)
    {
      g_autofree char *span = g_strndup (s + from, to - from);
      const char *hit = strstr (span, cap_words[i]);

      if (hit != NULL)
        found = MIN (found, from + (gsize) (hit - span));
    }
  return found;
}

/* `window`: where the token's part of its clause starts (after a comma) */
static gboolean
limits_awards (Reader *self,
               Run    *run,
               gsize   window)
{
  const char *s = self->s;
  Token *first = &g_array_index (self->tokens, Token, run->first);
  gsize cap = first_cap_word (s, window, first->start);
  gsize from = window;

  if (cap == first->start ||
      span_has_any (s, window, cap, (const char * const[]) { "按照", "按", "给予", NULL }))
    return FALSE;
  if (span_has_any (s, window, cap, (const char * const[]) { "合计", "总和", "总计", NULL }))
    return TRUE;
  /* the money of an award stated before it: "奖励金额", "资助资金" */
  if (run->first == 0 || g_array_index (self->tokens, Token, run->first - 1).kind != TOKEN_YUAN)
    return FALSE;
  from = MAX (from, g_array_index (self->tokens, Token, run->first - 1).end);
  return span_has_any (s, from, cap, (const char * const[]) { "金额", "资金", "总额", "额度", NULL });
}

static Role
classify (Reader *self,
          Run    *run)
{
  Token *first = &g_array_index (self->tokens, Token, run->first);
  Token *last = &g_array_index (self->tokens, Token, run->first + run->n - 1);
  const char *s = self->s;
  gsize floor = clause_start (self, first->clause);
  gsize window = last_comma (self, first->clause, first->start, floor);
  gsize near = back (s, first->start, 4, floor);
  gsize sstart = sentence_start (self, first->sentence);
  gsize send = sentence_end (self, first->sentence);
  gboolean after_threshold = at (s, last->end, "以上") || at (s, last->end, "及以上") ||
                             at (s, last->end, "（含）以上") || at (s, last->end, "(含)以上");
  gboolean before_threshold = span_ends_with_any (s, near, first->start, threshold_before) &&
                              !span_ends_with_any (s, near, first->start,
                                                   (const char * const[]) { "不超过", "不超", NULL });

  for (guint i = 0; i < run->n; i++)
    if (g_array_index (self->tokens, Token, run->first + i).too_large)
      return ROLE_OTHER;

  /* "合同金额在1亿元以上的部分，按照5%给予奖励": a rate of the part above a
   * figure, which no base holds (it was 5% of the whole contract, beside
   * the 3% of it: ¥12,000,000 for ¥5,000,000); the note asks the reviewer
   * to carry it into the award */
  if (first->kind == TOKEN_RATE &&
      span_has_any (s, floor, first->start, (const char * const[]) { "以上的部分", "以上部分", "超过部分",
                                                                      "超出部分", "超过的部分", "超出的部分", NULL }))
    return ROLE_RELATIVE;
  /* "此后营业收入每新增1亿元，再给予20万元": the step the award is paid per,
   * no award (it was one of ¥100,000,000) */
  if (first->kind == TOKEN_YUAN &&
      span_has_any (s, back (s, first->start, 6, floor), first->start,
                    (const char * const[]) { "每新增", "每增加", "每增长", "每多", "每超过", "每提高", NULL }))
    return ROLE_OTHER;
  /* "同一品种累计资助不超过3000万元": a limit over the years, on the awards
   * before it, no award of its own (it was one of ¥30,000,000); the
   * reviewer is told (a yearly one, 每年累计, is a yearly cap) */
  if (first->kind == TOKEN_YUAN &&
      span_has (s, window, first->start, "累计") &&
      span_has_any (s, window, first->start, (const char * const[]) { "同一品种", "同一产品", "同一项目", "单个品种",
                                                                      "单个产品", "单个项目", "每个品种", "每个产品", NULL }) &&
      !span_has_any (s, window, first->start, (const char * const[]) { "每年", "年度", "当年", NULL }) &&
      span_has_any (s, window, first->start, cap_words))
    return ROLE_RELATIVE;
  /* a band's ends: its lower one the threshold, its upper one for the
   * reviewer (the note lists it), as "5000万元以上1亿元以下" */
  if (first->band_high)
    return ROLE_OTHER;
  if (first->band_low)
    return ROLE_THRESHOLD;

  /* "给予最高1000万元资助，其中50%作为安家补贴": how the award just stated
   * is split, not another award */
  if (span_has (s, back (s, first->start, 5, floor), first->start, "其中"))
    return ROLE_OTHER;
  /* "按照前款标准的50%给予支持", "资助标准提高至每个注册证最高500万元",
   * "奖励标准上浮20%", "共计600万元，其中…奖励200万元": another award's
   * standard, changed or split, for the reviewer to carry into it */
  /* "补助比例提高至8%": the tier's own rate, set on its award (raised_rate ()) */
  if (first->kind == TOKEN_RATE &&
      span_ends_with_any (s, back (s, first->start, 4, floor), first->start,
                          (const char * const[]) { "提高至", "提高到", "提升至", "调整为", "提高为", NULL }))
    return ROLE_RELATIVE;
  /* "在第（一）项支持标准基础上上浮20%", "按照1类创新药标准的50%": of
   * another award's standard, whatever comes before */
  if (first->kind == TOKEN_RATE &&
      span_has_any (s, back (s, first->start, 4, floor), first->start,
                    (const char * const[]) { "上浮", "下浮", "标准的", NULL }))
    return ROLE_RELATIVE;
  if ((first->kind == TOKEN_RATE &&
       span_has_any (s, back (s, first->start, 8, floor), first->start,
                     (const char * const[]) { "前款", "上款", "前项标准", "上述标准", "前述标准", "上浮", "下浮",
                                              NULL }) &&
       !span_has (s, floor, first->start, "基础上")) ||
      (span_has (s, sstart, first->start, "其中") &&
       span_has_any (s, sstart, first->start, (const char * const[]) { "共计", "合计", "总计", "总额", NULL })) ||
      part_of_award_before (self, run, window))
    return ROLE_RELATIVE;
  /* "分别给予最高500万元、800万元奖励；奖励金额不超过该阶段实际研发投入的
   * 50%", "区级配套资金与本政策奖励合计不超过项目总投资的50%": a limit on
   * awards stated otherwise, not an award of its own (the note asks the
   * reviewer to carry it into them).  Its subject, before the cap word, is
   * the money; "按照不超过年度新增实际合同交易金额10%的标准" is a rate. */
  if (first->kind == TOKEN_RATE && limits_awards (self, run, window))
    {
      run->limit = TRUE;
      return ROLE_RELATIVE;
    }
  /* "补贴标准不超过每平方米每天3元": a price, not what an award gives */
  if (span_has_any (s, back (s, first->start, 6, floor), first->start,
                    (const char * const[]) { "每平方米", "平方米", "每天", "每日", "每亩", "每千瓦时", "每度",
                                             "每吨", "每立方米", "每张床位", "每张床", "每床", "张床位", NULL }) ||
      /* "每平方米每月补贴标准不超过30元" */
      (first->kind == TOKEN_YUAN && first->yuan < 10000 &&
       span_has_any (s, window, first->start,
                     (const char * const[]) { "每平方米", "每亩", "每千瓦时", "每吨", "每立方米", NULL })) ||
      at (s, last->end, "/平方米") || at (s, last->end, "每平方米") || at (s, last->end, "/亩") ||
      at (s, last->end, "/千瓦时") || at (s, last->end, "/度") || at (s, last->end, "/吨") ||
      at (s, last->end, "/立方米") || at (s, last->end, "每千瓦时"))
    return ROLE_OTHER;
  /* "奖励资金的70%用于企业后续研发投入，30%用于奖励研发团队", "40%在项目
   * 开工时拨付，60%在项目竣工投产后拨付": what the money is used for and
   * when it is paid */
  if (first->kind == TOKEN_RATE)
    {
      const char *comma = strstr (s + last->end, "，");
      gsize chunk_end = comma != NULL ? MIN ((gsize) (comma - s), send) : send;

      /* "首期拨付50%，中期评估合格后拨付30%", "分两年拨付，每年拨付50%" */
      if (span_ends_with_any (s, back (s, first->start, 3, window), first->start,
                              (const char * const[]) { "拨付", "发放", "兑现", "支付", NULL }) &&
          !span_has_any (s, window, first->start, (const char * const[]) { "给予", "按照", "按", NULL }))
        return ROLE_OTHER;
      if (at (s, last->end, "用于") || at (s, last->end, "作为") ||
          /* "分四年按25%的比例平均发放": the award's instalments */
          (span_has (s, last->end, MIN (send, last->end + 24), "平均") &&
           span_has_any (s, sstart, send, (const char * const[]) { "发放", "拨付", "兑现", NULL })) ||
          (span_has_any (s, last->end, chunk_end,
                         (const char * const[]) { "拨付", "兑现", "发放", NULL }) &&
           !span_has_any (s, last->end, chunk_end,
                          (const char * const[]) { "给予", "奖励", "补助", "补贴", "资助", NULL }) &&
           !span_has_any (s, back (s, first->start, 8, floor), first->start,
                          (const char * const[]) { "给予", "按照", "按", NULL })))
        return ROLE_OTHER;
    }

  if (!span_has_any (s, sstart, send, award_words))
    {
      /* "……每个产品奖励50万元。同一企业每年累计不超过1000万元。": a
       * sentence of its own that caps, for an enterprise or a year, what
       * the sentences before it award */
      if (first->kind == TOKEN_YUAN && !before_threshold && !after_threshold &&
          span_has_any (s, window, first->start, cap_words) &&
          (span_has_any (s, sstart, first->start, enterprise_subjects) ||
           span_has (s, sstart, first->start, "每年") || span_has (s, sstart, first->start, "年度")) &&
          /* "本措施所需资金每年总额不超过800万元，由县财政统筹安排": the
           * budget, no applicant's cap */
          (span_has_any (s, sstart, first->start, enterprise_subjects) ||
           !span_has_any (s, sstart, send, (const char * const[]) { "所需资金", "专项资金", "资金总额", "财政",
                                                                     "预算", "统筹安排", "安排资金", NULL })) &&
          (span_has_any (s, 0, sstart, award_words) ||
           /* "单个企业每年累计获得本政策支持不超过5000万元", an article of its own */
           span_has_any (s, sstart, first->start, (const char * const[]) {
             "本政策", "本办法", "本措施", "本规定", "本方案", "本细则", NULL })))
        return ROLE_CAP;
      return ROLE_OTHER;
    }

  if (first->kind == TOKEN_RATIO)
    return ROLE_RATE;

  if (first->kind == TOKEN_RATE)
    {
      /* 分3年按40%、30%、30%发放 */
      if (run->n >= 2 && (span_has (s, sstart, send, "分") &&
                          (span_has (s, sstart, send, "年") || span_has (s, sstart, send, "期") ||
                           span_has (s, sstart, send, "次")) &&
                          (span_has (s, sstart, send, "发放") || span_has (s, sstart, send, "拨付") ||
                           span_has (s, sstart, send, "兑现") || span_has (s, sstart, send, "支付"))))
        {
          double sum = 0;

          for (guint i = 0; i < run->n; i++)
            sum += g_array_index (self->tokens, Token, run->first + i).rate;
          /* a share's rounding (33.3% × 3), which the last takes up */
          if (fabs (sum - 1.0) < 0.011 && last->rate - (sum - 1.0) > 0)
            return ROLE_STAGE;
        }
      if (before_threshold || after_threshold)
        return ROLE_OTHER;
      /* "研发投入较上年增长部分按照百分之二十给予奖励": a rate of the growth;
       * "按照研发费用较上年增长部分的10%给予奖励" too (按照 further back) */
      if (span_has_any (s, back (s, first->start, 8, window), first->start, stat_words) &&
          !span_has_any (s, back (s, first->start, 4, window), first->start,
                         (const char * const[]) { "按照", "按", NULL }) &&
          !(span_ends_with_any (s, back (s, first->start, 4, window), first->start,
                                (const char * const[]) { "部分的", "增量的", "增加额的", "增长额的", NULL }) &&
            span_has_any (s, window, first->start, (const char * const[]) { "按照", "按", NULL })))
        return ROLE_OTHER;
      return ROLE_RATE;
    }

  /* "固定资产投资在5000万元以上1亿元以下的项目", "营业收入不足1亿元的": the
   * upper bound of a condition, which no threshold holds (the note lists
   * it for the reviewer); "给予50万元以下奖励" is a cap */
  if (first->kind == TOKEN_YUAN &&
      (at (s, last->end, "以下") || at (s, last->end, "（含）以下") || at (s, last->end, "(含)以下") ||
       span_ends_with_any (s, near, first->start,
                           (const char * const[]) { "不足", "低于", "少于", "未达到", NULL })) &&
      !span_ends_with_any (s, near, first->start,
                           (const char * const[]) { "给予", "奖励", "补助", "补贴", "资助", "最高", "不低于",
                                                    "不少于", NULL }))
    return ROLE_OTHER;
  if (before_threshold || after_threshold)
    return ROLE_THRESHOLD;
  /* "规划用地3000亩，总投资120亿元；对入驻园区的企业给予…": a project's or
   * an industry's size in a clause that awards nothing */
  if (first->kind == TOKEN_YUAN &&
      span_ends_with_any (s, back (s, first->start, 4, floor), first->start, scale_words) &&
      !span_has_any (s, floor, clause_end (self, first->clause), award_words))
    return ROLE_OTHER;
  /* "单台（套）设备补助不超过100万元，每家企业每年不超过500万元": a limit of
   * each device, not of the award (which the yearly cap bounds): for the
   * reviewer, not the award's cap (it understated it fivefold) */
  if (first->kind == TOKEN_YUAN &&
      span_has_any (s, window, first->start, (const char * const[]) {
        "单台", "每台", "单套", "每套", "单件", NULL }) &&
      span_has_any (s, window, first->start, cap_words))
    return ROLE_RELATIVE;
  if (span_has_any (s, window, first->start, cap_words) ||
      at (s, last->end, "为限") || at (s, last->end, "封顶") || at (s, last->end, "以内"))
    return ROLE_CAP;
  return ROLE_AMOUNT;
}

/* ---- amounts a month or a year ---- */

/* "每人每月3000元", "按每人每年2万元": an amount paid a month (TRUE in
 * `monthly`) or a year, said just before it. */
static gboolean
periodic (const char *s,
          gsize       start,
          gsize       floor,
          gboolean   *monthly)
{
  /* "每年给予团队最高50万元": within the phrase, not past its comma */
  gsize near = back (s, start, 10, floor);
  const char *comma = pn_draft_rfind (s + near, s + start, "，");

  if (comma != NULL)
    near = (comma - s) + strlen ("，");

  if (span_has (s, near, start, "每月") || span_has (s, near, start, "按月") ||
      span_has (s, near, start, "月均"))
    {
      *monthly = TRUE;
      return TRUE;
    }
  if (span_has (s, near, start, "每年") || span_has (s, near, start, "按年") ||
      span_has (s, near, start, "年均"))
    {
      *monthly = FALSE;
      return TRUE;
    }
  return FALSE;
}

/* For how long an amount a month or a year is paid, in months: "最长不超过
 * 36个月", "期限3年", "连续三年", "补贴2年"; 0 when the sentence does not
 * say.  A count after no word of length ("入职满6个月", "2026年") is no
 * term. */
static guint
term_months (const char *s,
             gsize       from,
             gsize       to)
{
  static const char * const term_words[] = {
    "最长不超过", "最长", "最多不超过", "最多", "不超过", "期限为", "期限", "为期", "连续", "累计",
    "补贴", "补助", "资助", "支持", "发放", "给予", "共", NULL
  };

  for (gsize p = from; p < to; p += char_len (s + p))
    {
      gsize len = 0;
      gint64 n = -1;
      gsize after;

      if (g_ascii_isdigit (s[p]) && (p == from || !g_ascii_isdigit (s[p - 1])))
        {
          n = 0;
          while (p + len < to && g_ascii_isdigit (s[p + len]) && n < 1000)
            n = n * 10 + (s[p + len++] - '0');
        }
      else if ((len = pn_draft_cn_number_len (s + p)) > 0 &&
               (p == from || pn_draft_cn_number_len (s + back (s, p, 1, from)) == 0))
        n = pn_draft_cn_number (s + p, len);
      if (n <= 0 || n >= 1000)
        continue;

      after = p + len;
      /* "3年内每人每年给予3万元": the years it is paid in (not "近3年内", a
       * figure's window) */
      if (at (s, after, "年内") && n <= 20 &&
          !span_ends_with_any (s, back (s, p, 2, from), p, (const char * const[]) { "近", "前", "过去", "最近", NULL }))
        return n * 12;
      if (!span_ends_with_any (s, back (s, p, 5, from), p, term_words))
        continue;
      if (at (s, after, "个月"))
        return n;
      if (at (s, after, "年") && !at (s, after, "年度") && n <= 20)
        return n * 12;
    }
  return 0;
}

/* The amount of a whole term: "每人每月3000元，最长不超过36个月" is at
 * most ¥108,000 a person; the reviewer sees how it was worked out. */
static void
set_periodic (Reader *self,
              Made   *made,
              Token  *token)
{
  const char *s = self->s;
  gboolean monthly = FALSE;
  guint months;
  guint n;
  g_autofree char *each = NULL;
  g_autofree char *total = NULL;
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;

  if (!periodic (s, token->start, clause_start (self, token->clause), &monthly))
    return;

  /* the award's own clause first: "…连续支持3年；对…博士后，给予每人每月2000元
   *生活补贴，补贴期限最长2年" is two years, not the clause before's three */
  months = term_months (s, clause_start (self, token->clause), clause_end (self, token->clause));
  /* else what the sentence says after it ("…，每月2000元；补贴期限最长2年"),
   * never a clause before: "博士…每月3000元，最长不超过36个月；对新引进的硕士
   * 研究生，给予每人每月1500元" gave the master's the doctor's 36 months */
  if (months == 0)
    months = term_months (s, clause_start (self, token->clause), sentence_end (self, token->sentence));
  n = monthly ? months : months / 12;
  made->per_period = token->yuan;
  made->monthly = monthly;
  each = pn_money_format_yuan (token->yuan);
  if (n == 0 || (!monthly && months % 12 != 0) || token->yuan > PN_MONEY_MAX / (gint64) n)
    {
      g_ptr_array_add (made->benefit->notes,
                       monthly ? pn_text_new ("原文为每月金额，未写明可领取多少个月：此处只记一个月的金额，请按可领取的月数核对。",
                                              "The text gives an amount a month and does not say for how many "
                                              "months: one month is recorded; set the amount for the whole term.")
                               : pn_text_new ("原文为每年金额，未写明可领取多少年：此处只记一年的金额，请按可领取的年数核对。",
                                              "The text gives an amount a year and does not say for how many "
                                              "years: one year is recorded; set the amount for the whole term."));
      return;
    }

  made->n_periods = n;
  made->benefit->amount = token->yuan * n;
  /* "每人每年最高30万元…连续支持3年": the ceiling is the term's */
  if (made->benefit->cap == token->yuan)
    made->benefit->cap = token->yuan * n;
  total = pn_money_format_yuan (made->benefit->amount);
  if (monthly)
    {
      zh = g_strdup_printf ("原文为每月%s，最长%u个月：此处按%u个月计为%s；领取月数较少的，金额相应减少。",
                            each, n, n, total);
      en = g_strdup_printf ("The text gives %s a month for at most %u months: recorded as %u months, %s; "
                            "fewer months pay less.", each, n, n, total);
    }
  else
    {
      zh = g_strdup_printf ("原文为每年%s，最长%u年：此处按%u年计为%s；领取年数较少的，金额相应减少。",
                            each, n, n, total);
      en = g_strdup_printf ("The text gives %s a year for at most %u years: recorded as %u years, %s; "
                            "fewer years pay less.", each, n, n, total);
    }
  g_ptr_array_add (made->benefit->notes, pn_text_new (zh, en));
}

/* "国家级、省级…分别给予500万元、200万元", a table's "A类": a tier no
 * answer of a profile says, even when the product is known */
static const char * const tier_words[] = {
  "国家级", "省级", "市级", "区级", "县级", "A类", "B类", "C类", "D类", "E类", "一类人才", "二类人才",
  "三类人才", "一等", "二等", "三等", NULL
};

/* ---- vocabulary ---- */

typedef struct
{
  PnQuestion  question;
  const char *value;
  const char *words[8];
} Keyword;

static const Keyword keywords[] = {
  { PN_QUESTION_PRODUCT, "drug", { "创新药", "改良型新药", "仿制药", "药品", "新药", "化学药", "生物制品", "疫苗" } },
  { PN_QUESTION_PRODUCT, "device", { "医疗器械", "器械", "诊断试剂", NULL } },
  { PN_QUESTION_PRODUCT, "health-product", { "保健食品", "特殊化妆品", "特殊医学用途配方食品", "特医食品", NULL } },
  /* the registration classes: 化学药品、生物制品、中药 1类 is new to the
   * world, 2类 an improved new drug */
  { PN_QUESTION_DRUG_CLASS, "innovative", { "创新药", "1类新药", "一类新药", NULL } },
  { PN_QUESTION_DRUG_CLASS, "improved", { "改良型新药", "2类新药", "二类新药", NULL } },
  /* 化学药品3类 (境内申请人仿制境外上市但境内未上市原研药品) and 4类 are
   * generics, whatever "新药" some texts still call them */
  { PN_QUESTION_DRUG_CLASS, "generic", { "仿制药", "首仿", "3类新药", "三类新药", "3类仿制药", "4类仿制药",
                                         "仿制境外上市", NULL } },
  /* "按照生物制品注册分类3.3类申报的生物类似药": a biologic's generic */
  { PN_QUESTION_DRUG_CLASS, "generic", { "生物类似药", "3.3类", NULL } },
  { PN_QUESTION_DRUG_CLASS, "classical-tcm", { "古代经典名方", "经典名方", NULL } },
  /* cell and gene therapies are registered as biologics */
  { PN_QUESTION_MODALITY, "biologic", { "生物制品", "细胞治疗", "基因治疗", "抗体药物", NULL } },
  { PN_QUESTION_MODALITY, "chemical", { "化学药", NULL } },
  { PN_QUESTION_MODALITY, "tcm", { "中药", "天然药物", NULL } },
  { PN_QUESTION_THERAPEUTIC_AREA, "oncology", { "抗肿瘤", NULL } },
  { PN_QUESTION_THERAPEUTIC_AREA, "radiopharmaceutical", { "核药", "放射性药物", "医用同位素", NULL } },
  { PN_QUESTION_DEVICE_CLASS, "class-2", { "第二类", "二类医疗器械", "Ⅱ类", NULL } },
  { PN_QUESTION_DEVICE_CLASS, "class-3", { "第三类", "三类医疗器械", "Ⅲ类", NULL } },
  { PN_QUESTION_INNOVATIVE_DEVICE, "true", { "创新医疗器械特别审查", "创新医疗器械", "高端创新型", NULL } },
  { PN_QUESTION_PHASE, "preclinical", { "临床前", NULL } },
  { PN_QUESTION_PHASE, "phase-1", { "Ⅰ期", "I期", "一期临床", "1期临床", NULL } },
  { PN_QUESTION_PHASE, "phase-2", { "Ⅱ期", "II期", "二期临床", "2期临床", NULL } },
  { PN_QUESTION_PHASE, "phase-3", { "Ⅲ期", "III期", "三期临床", "3期临床", NULL } },
  { PN_QUESTION_PHASE, "overseas-clinical", { "境外临床", "国外临床", "海外临床", NULL } },
  { PN_QUESTION_PHASE, "consistency-evaluation", { "一致性评价", NULL } },
  /* "第二家、第三家通过的", "第二至第三家": among the first three; "第四家及
   * 以后": later (before 首家: "第二家" says no first) */
  { PN_QUESTION_RANK, "other", { "第四家及以后", "第4家及以后", "第四家以后", "第四家", "第4家", NULL } },
  { PN_QUESTION_RANK, "top3", { "第二家", "第三家", "第2家", "第3家", "第二至第三家", "第二至三家", NULL } },
  { PN_QUESTION_RANK, "first", { "首家通过", "首家", "首仿", NULL } },
  /* not 前三 alone: "前三年按租金的100%补贴" is no rank */
  { PN_QUESTION_RANK, "top3", { "前三个通过", "前三家", "前三名", "前三位", "前3家", "前3名", "前3个通过", NULL } },
  { PN_QUESTION_RANK, "other", { "视同通过", "其他通过", "其余通过", NULL } },
  { PN_QUESTION_ENTITY, "cro", { "CRO", "合同研发机构", "合同研究组织", NULL } },
  { PN_QUESTION_ENTITY, "cmo", { "CMO", "合同生产机构", NULL } },
  { PN_QUESTION_ENTITY, "cdmo", { "CDMO", "合同研发生产机构", "定制研发生产", NULL } },
  { PN_QUESTION_ENTITY, "medical-institution", { "医疗机构", "医院", NULL } },
  { PN_QUESTION_ENTITY, "research-institute", { "高校", "高等院校", "科研院所", "大学", "科研机构", NULL } },
  { PN_QUESTION_ENTITY, "platform", { "公共服务平台", NULL } },
};

typedef struct
{
  GPtrArray *values[PN_N_QUESTIONS];   /* const char *, or NULL */
} Vocab;

static void
vocab_clear (Vocab *vocab)
{
  for (guint q = 0; q < PN_N_QUESTIONS; q++)
    g_clear_pointer (&vocab->values[q], g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Vocab, vocab_clear)

static void
vocab_add (Vocab       *vocab,
           PnQuestion   question,
           const char  *value)
{
  if (vocab->values[question] == NULL)
    vocab->values[question] = g_ptr_array_new ();
  for (guint i = 0; i < vocab->values[question]->len; i++)
    if (g_str_equal (g_ptr_array_index (vocab->values[question], i), value))
      return;
  g_ptr_array_add (vocab->values[question], (gpointer) value);
}

/* Every mention of `word` in `text` follows, in its clause, one of `verbs`:
 * the other party of the deal, not who applies. */
static gboolean
counterparty_of (const char         *text,
                 const char         *word,
                 const char * const *verbs)
{

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      const char *clause = text;
      gboolean after_verb = FALSE;

      for (const char *q = text; q < p; q = g_utf8_next_char (q))
        if (g_str_has_prefix (q, "，") || g_str_has_prefix (q, "。") || g_str_has_prefix (q, "；"))
          clause = q;
      for (guint v = 0; verbs[v] != NULL && !after_verb; v++)
        {
          const char *verb = strstr (clause, verbs[v]);

          after_verb = verb != NULL && verb < p;
        }
      if (!after_verb)
        return FALSE;
    }
  return TRUE;
}

/* Every mention of `word` in `text` follows, in its clause, a verb that
 * makes it the other party: "对企业购买高校、科研院所科技成果" (the enterprise
 * applies, the university sold). */
static gboolean
only_counterparty (const char *text,
                   const char *word)
{
  static const char * const verbs[] = { "购买", "受让", "承接", "引进", "委托", "联合", "与", NULL };

  return counterparty_of (text, word, verbs);
}

/* "对委托省内CRO机构开展研发服务的企业": the CRO is whom the client buys
 * from ("承接…委托生产的CDMO" is the CDMO itself) */
static gboolean
only_bought_from (const char *text,
                  const char *word)
{
  static const char * const verbs[] = { "委托", "购买", "采购", NULL };

  return counterparty_of (text, word, verbs);
}


/* "取得境外上市许可", not "药品上市许可持有人" (the holder, whatever its
 * product has reached) */
/* "进入本市医疗机构采购目录的创新药", "在医疗机构使用的": every mention of
 * `word` is where a product goes or is used, not who applies. */
static gboolean
only_place_of_use (const char *text,
                   const char *word)
{
  static const char * const after[] = { "采购", "目录", "使用", "配备", "准入", "挂网", "临床使用", NULL };
  static const char * const before[] = { "进入", "纳入", "在", "向", "供", NULL };

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      const char *end = p + strlen (word);
      gboolean object = pn_draft_has_prefix_any (end, after);

      for (guint b = 0; before[b] != NULL && !object; b++)
        {
          gsize len = strlen (before[b]);
          const char *q = p;

          /* within three characters before: "进入本市医疗机构" */
          for (int n = 0; n < 3 && q > text; n++)
            q = g_utf8_find_prev_char (text, q);
          for (const char *r = q; r != NULL && r < p && !object; r = g_utf8_next_char (r))
            object = strncmp (r, before[b], len) == 0 && r + len <= p;
        }
      if (!object)
        return FALSE;
    }
  return TRUE;
}

static gboolean
marketing_authorisation (const char *text)
{
  for (const char *p = strstr (text, "上市许可"); p != NULL; p = strstr (p + 1, "上市许可"))
    if (!g_str_has_prefix (p + strlen ("上市许可"), "持有人"))
      return TRUE;
  return FALSE;
}

static void
detect (const char *text,
        Vocab      *vocab)
{
  g_autofree char *plain = NULL;
  gboolean phase_found = FALSE;
  static GRegex *classes;

  /* "2类、3类新药" is "2类新药、3类新药": each class its own words */
  if (g_once_init_enter (&classes))
    g_once_init_leave (&classes,
                       g_regex_new ("([1-4一二三四])类(?=[、和及与或](?:[1-4一二三四]类[、和及与或])*[1-4一二三四]类"
                                    "(改良型新药|创新药|新药|仿制药))", 0, 0, NULL));
  plain = g_regex_replace (classes, text, -1, 0, "\\1类\\2", 0, NULL);
  if (plain == NULL)
    plain = g_strdup (text);

  for (guint k = 0; k < G_N_ELEMENTS (keywords); k++)
    for (guint w = 0; w < G_N_ELEMENTS (keywords[k].words) && keywords[k].words[w] != NULL; w++)
      if (strstr (plain, keywords[k].words[w]) != NULL)
        {
          /* "对企业购买高校、科研院所科技成果": the enterprise applies, the
           * university only sold */
          if (keywords[k].question == PN_QUESTION_ENTITY &&
              g_str_equal (keywords[k].value, "research-institute") &&
              only_counterparty (plain, keywords[k].words[w]))
            continue;
          /* "对委托省内CRO、CDMO机构开展研发或生产服务的企业": the client
           * applies, whoever it buys from */
          if (keywords[k].question == PN_QUESTION_ENTITY &&
              (g_str_equal (keywords[k].value, "cro") || g_str_equal (keywords[k].value, "cmo") ||
               g_str_equal (keywords[k].value, "cdmo")) &&
              only_bought_from (plain, keywords[k].words[w]) && strstr (plain, "承接") == NULL &&
              strstr (plain, "服务方") == NULL)
            continue;
          /* "进入本市医疗机构采购目录的创新药": the drug's maker applies */
          if (keywords[k].question == PN_QUESTION_ENTITY &&
              g_str_equal (keywords[k].value, "medical-institution") &&
              only_place_of_use (plain, keywords[k].words[w]))
            continue;
          /* CRO is in CDMO's name? no, but 创新药 is in 创新药物: fine */
          if (keywords[k].question == PN_QUESTION_RANK &&
              g_str_equal (keywords[k].value, "first") && strstr (plain, "前三") != NULL)
            continue;
          /* "前三家通过的，…；其他通过的，…": the clause's own rank */
          if (keywords[k].question == PN_QUESTION_RANK && !g_str_equal (keywords[k].value, "other") &&
              (strstr (plain, "其他通过") != NULL || strstr (plain, "其余通过") != NULL))
            continue;
          vocab_add (vocab, keywords[k].question, keywords[k].value);
          if (keywords[k].question == PN_QUESTION_PHASE)
            phase_found = TRUE;
          break;
        }

  /* "进入Ⅱ期临床试验的": entering a phase is completing the one before */
  {
    static const struct { const char *words[4]; const char *phase; } entering[] = {
      { { "进入Ⅰ期", "进入I期", "进入一期", NULL }, "preclinical" },
      { { "进入Ⅱ期", "进入II期", "进入二期", NULL }, "phase-1" },
      { { "进入Ⅲ期", "进入III期", "进入三期", NULL }, "phase-2" },
    };
    gboolean any = FALSE;

    for (guint e = 0; e < G_N_ELEMENTS (entering); e++)
      if (pn_draft_find_any (plain, entering[e].words) != NULL)
        {
          if (!any)
            g_clear_pointer (&vocab->values[PN_QUESTION_PHASE], g_ptr_array_unref);
          any = TRUE;
          vocab_add (vocab, PN_QUESTION_PHASE, entering[e].phase);
          phase_found = TRUE;
        }
  }

  /* "对国内前三家通过的，每个品种再增加100万元": an addition for each of
   * the first three, the very first among them (a tier of its own, "首家
   * 通过、前三个通过…分别", names the first) */
  if (vocab->values[PN_QUESTION_RANK] != NULL && vocab->values[PN_QUESTION_RANK]->len == 1 &&
      g_str_equal (g_ptr_array_index (vocab->values[PN_QUESTION_RANK], 0), "top3") &&
      pn_draft_find_any (plain, (const char * const[]) { "前三", "前3", NULL }) != NULL &&
      pn_draft_find_any (plain, (const char * const[]) { "再增加", "再给予", "再奖励", "另给予", "另行给予", "额外",
                                                         NULL }) != NULL &&
      pn_draft_find_any (plain, (const char * const[]) { "首家", "首仿", "第一家", "第二家", NULL }) == NULL)
    vocab_add (vocab, PN_QUESTION_RANK, "first");

  /* "取得临床试验批件（含默示许可）的": the approval to start trials ends
   * the preclinical stage (it matched a drug at any stage) */
  if (!phase_found &&
      pn_draft_find_any (plain, (const char * const[]) { "临床试验批件", "临床批件", "临床试验通知书",
                                                         "默示许可", "临床试验许可", NULL }) != NULL)
    {
      vocab_add (vocab, PN_QUESTION_PHASE, "preclinical");
      phase_found = TRUE;
    }

  /* "完成Ⅲ期临床试验并取得药品注册证书": the registration is the
   * milestone the award waits for, not the trial before it */
  if (phase_found && vocab->values[PN_QUESTION_PHASE] != NULL &&
      (strstr (plain, "注册证") != NULL || strstr (plain, "获批上市") != NULL) &&
      strstr (plain, "临床") != NULL && strstr (plain, "并取得") != NULL)
    {
      g_clear_pointer (&vocab->values[PN_QUESTION_PHASE], g_ptr_array_unref);
      phase_found = FALSE;
    }

  /* milestones of registration: 取得注册证 (and 首次产业化) */
  if (!phase_found)
    {
      /* "在本市注册并实现产业化的创新药": registered and made here */
      gboolean registered = strstr (plain, "注册证") != NULL || strstr (plain, "注册批件") != NULL ||
                            strstr (plain, "获批上市") != NULL || strstr (plain, "批准上市") != NULL ||
                            strstr (plain, "注册并实现产业化") != NULL || strstr (plain, "注册并产业化") != NULL ||
                            marketing_authorisation (plain);
      gboolean marketed = strstr (plain, "产业化") != NULL || strstr (plain, "实现销售") != NULL ||
                          strstr (plain, "上市销售") != NULL;
      /* "三类新药（境内申请人仿制境外上市但境内未上市原研药品）": the
       * class's definition, no approval abroad */
      g_auto(GStrv) parts = g_strsplit (plain, "仿制境外上市", -1);
      g_autofree char *defined = g_strjoinv ("仿制", parts);
      gboolean abroad = strstr (defined, "境外") != NULL || strstr (plain, "国际注册") != NULL ||
                        strstr (plain, "国际认证") != NULL || strstr (plain, "ICH") != NULL ||
                        strstr (plain, "FDA") != NULL || strstr (plain, "预认证") != NULL ||
                        strstr (plain, "EMA") != NULL || strstr (plain, "CE") != NULL ||
                        /* "在美国、欧盟、日本获得药品上市许可", not "取得美国…上市
                         * 许可后三年内在国内获批上市" (registered at home) */
                        (pn_draft_find_any (plain, (const char * const[]) {
                           "美国", "欧盟", "日本", "国外", "海外", "世界卫生组织", "WHO", NULL }) != NULL &&
                         pn_draft_find_any (plain, (const char * const[]) {
                           "在国内", "国内获批", "国内上市", "境内获批", "境内上市", "在境内", NULL }) == NULL);

      /* "通过国际认证的GLP实验室": a lab's certificate, no product's approval */
      gboolean a_lab = pn_draft_find_any (plain, (const char * const[]) {
                         "实验室", "GLP", "GCP", "平台", "机构", NULL }) != NULL &&
                       pn_draft_find_any (plain, (const char * const[]) {
                         "药品", "器械", "产品", "品种", "新药", "药物", "制剂", NULL }) == NULL;

      if (abroad && !a_lab && (registered || strstr (plain, "认证") || strstr (plain, "批准")))
        vocab_add (vocab, PN_QUESTION_PHASE, "overseas-approval");
      else if (registered && marketed)
        vocab_add (vocab, PN_QUESTION_PHASE, "marketed");
      else if (registered)
        vocab_add (vocab, PN_QUESTION_PHASE, "registered");
    }

  /* "药物非临床研究质量管理规范（GLP）认证的机构": a lab of drugs is an
   * organisation, no drug */
  if (vocab->values[PN_QUESTION_DRUG_CLASS] == NULL && vocab->values[PN_QUESTION_PRODUCT] != NULL &&
      pn_draft_find_any (plain, (const char * const[]) { "GLP", "GCP", "实验室", NULL }) != NULL &&
      pn_draft_find_any (plain, (const char * const[]) { "机构", "实验室", "平台", "中心", NULL }) != NULL)
    {
      g_clear_pointer (&vocab->values[PN_QUESTION_PRODUCT], g_ptr_array_unref);
      g_clear_pointer (&vocab->values[PN_QUESTION_PHASE], g_ptr_array_unref);
    }

  /* "对新认定的国家级医疗器械检验检测或研发服务平台": a platform for
   * devices applies, no device of its own */
  if (vocab->values[PN_QUESTION_DRUG_CLASS] == NULL && vocab->values[PN_QUESTION_DEVICE_CLASS] == NULL &&
      vocab->values[PN_QUESTION_INNOVATIVE_DEVICE] == NULL && vocab->values[PN_QUESTION_PRODUCT] != NULL &&
      pn_draft_find_any (plain, (const char * const[]) { "服务平台", "检验检测", "检测中心", "公共平台",
                                                         "技术平台", "创新平台", "服务机构", NULL }) != NULL &&
      pn_draft_find_any (plain, (const char * const[]) { "产品", "品种", "注册证", "新药", "制剂", "上市",
                                                         "临床试验", NULL }) == NULL)
    {
      g_clear_pointer (&vocab->values[PN_QUESTION_PRODUCT], g_ptr_array_unref);
      g_clear_pointer (&vocab->values[PN_QUESTION_PHASE], g_ptr_array_unref);
    }

  /* a drug's class, a device's: the product follows */
  if (vocab->values[PN_QUESTION_DEVICE_CLASS] != NULL || vocab->values[PN_QUESTION_INNOVATIVE_DEVICE] != NULL)
    vocab_add (vocab, PN_QUESTION_PRODUCT, "device");
  if (vocab->values[PN_QUESTION_DRUG_CLASS] != NULL)
    vocab_add (vocab, PN_QUESTION_PRODUCT, "drug");
  /* "对入驻孵化器的企业…给予租金补贴": the tenant applies, whatever it makes */
  if (vocab->values[PN_QUESTION_PRODUCT] == NULL && vocab->values[PN_QUESTION_ENTITY] == NULL &&
      pn_draft_find_any (plain, (const char * const[]) { "入驻", "租用", "租金", "房租", NULL }) != NULL)
    return;
  /* "对上线国际电子商务平台的企业": a platform it sells on, not one it is */
  if (vocab->values[PN_QUESTION_PRODUCT] == NULL && vocab->values[PN_QUESTION_ENTITY] == NULL &&
      pn_draft_find_any (plain, (const char * const[]) { "电子商务平台", "电商平台", "跨境电商", "交易平台",
                                                         "上线", "入驻平台", NULL }) != NULL &&
      pn_draft_find_any (plain, (const char * const[]) { "服务平台", "公共平台", "创新平台", "技术平台", "实验室",
                                                         "研究中心", "孵化器", "研发机构", NULL }) == NULL)
    return;
  if (vocab->values[PN_QUESTION_PRODUCT] == NULL &&
      (vocab->values[PN_QUESTION_ENTITY] != NULL || strstr (plain, "平台") || strstr (plain, "实验室") ||
       strstr (plain, "研究中心") || strstr (plain, "孵化器") || strstr (plain, "研发机构") ||
       strstr (plain, "技术中心") || strstr (plain, "研究院")))
    vocab_add (vocab, PN_QUESTION_PRODUCT, "organisation");
}

/* ---- enumerations: 完成Ⅰ、Ⅱ、Ⅲ期临床试验 → three items ---- */

typedef struct
{
  gsize start;
  gsize end;
} Span;

/* Splits [start, end) at separators outside parentheses. */
static GArray *
split_items (const char *s,
             gsize       start,
             gsize       end,
             gboolean    conjunctions)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (Span));
  int depth = 0;
  Span item = { start, start };

  for (gsize i = start; i < end; i += char_len (s + i))
    {
      gsize sep = 0;

      if (at (s, i, "（") || s[i] == '(' || at (s, i, "“") || at (s, i, "《"))
        depth++;
      else if ((at (s, i, "）") || s[i] == ')' || at (s, i, "”") || at (s, i, "》")) && depth > 0)
        depth--;
      else if (depth == 0 && at (s, i, "、"))
        sep = strlen ("、");
      else if (depth == 0 && conjunctions &&
               (at (s, i, "和") || at (s, i, "及") || at (s, i, "或") || at (s, i, "与")))
        sep = strlen ("和");

      if (sep > 0)
        {
          item.end = i;
          g_array_append_val (items, item);
          item.start = i + sep;
          if (conjunctions)
            conjunctions = FALSE;   /* only the first: "质量和疗效" */
        }
    }
  item.end = end;
  g_array_append_val (items, item);
  return items;
}

/* The items of the last list of `n` in [start, end): a list of 、, its
 * last item split once more at 和/及/或 when one item is missing. */
static GArray *
find_enumeration (const char *s,
                  gsize       start,
                  gsize       end,
                  guint       n)
{
  gsize clause_end = end;

  while (clause_end > start)
    {
      const char *comma = NULL;
      gsize clause_start;

      for (const char * const *mark = (const char * const[]) { "，", "；", "。", "：", NULL }; *mark; mark++)
        {
          const char *hit = pn_draft_rfind (s + start, s + clause_end, *mark);

          if (hit != NULL && (comma == NULL || hit > comma))
            comma = hit;
        }
      clause_start = comma != NULL ? (gsize) (comma - s) + strlen ("，") : start;
      g_autoptr(GArray) items = split_items (s, clause_start, clause_end, FALSE);

      /* "…分别给予最高300万元、600万元、1000万元支持，改良型新药分别给予…":
       * the figures of another award are no items of this one's */
      if (span_has_any (s, clause_start, clause_end, (const char * const[]) { "万元", "亿元", "%", NULL }) &&
          span_has_any (s, clause_start, clause_end, (const char * const[]) {
            "给予", "奖励", "补助", "资助", "补贴", "支持", NULL }))
        {
          if (comma == NULL)
            break;
          clause_end = comma - s;
          continue;
        }

      if (items->len == n && n > 1)
        return g_steal_pointer (&items);

      /* "对新认定的国家级、省级生物医药重点实验室、工程研究中心，分别给予500万元、
       * 100万元": the tiers lead, the kinds of platform follow */
      if (items->len > n && n > 1)
        {
          static const char * const tiers[] = { "国家级", "省级", "市级", "区级", "县级", "国家", NULL };
          gboolean all = TRUE;

          for (guint i = 0; i < n && all; i++)
            {
              Span item = g_array_index (items, Span, i);

              all = span_has_any (s, item.start, item.end, tiers);
            }
          if (all && !span_has_any (s, g_array_index (items, Span, n).start, g_array_index (items, Span, n).end,
                                    tiers))
            {
              g_array_set_size (items, n);
              return g_steal_pointer (&items);
            }
        }

      if (items->len == n - 1)
        {
          Span lastspan = g_array_index (items, Span, items->len - 1);
          g_autoptr(GArray) tail = split_items (s, lastspan.start, lastspan.end, TRUE);

          if (tail->len == 2)
            {
              g_array_set_size (items, items->len - 1);
              g_array_append_vals (items, tail->data, 2);
              return g_steal_pointer (&items);
            }
        }

      if (comma == NULL)
        break;
      clause_end = comma - s;
    }

  return NULL;
}

static gboolean
same_class (gunichar a,
            gunichar b)
{
  gboolean roman_a = a >= 0x2160 && a <= 0x217F, roman_b = b >= 0x2160 && b <= 0x217F;
  char buf_a[8] = { 0 }, buf_b[8] = { 0 };

  if (a == b || (roman_a && roman_b) || (g_unichar_isdigit (a) && g_unichar_isdigit (b)))
    return TRUE;
  g_unichar_to_utf8 (a, buf_a);
  g_unichar_to_utf8 (b, buf_b);
  return pn_draft_cn_number_len (buf_a) > 0 && pn_draft_cn_number_len (buf_b) > 0;
}

/* Where the first item's own word starts: "完成Ⅰ" → "Ⅰ" (the last item
 * starts with a word of the same kind, "Ⅲ期…"); its head "完成" belongs
 * to every item. */
static gboolean
is_numeral (gunichar c)
{
  char buf[8] = { 0 };

  if ((c >= 0x2160 && c <= 0x217F) || g_unichar_isdigit (c) || c == 0x7B2C)   /* Ⅰ… 1 第 */
    return TRUE;
  g_unichar_to_utf8 (c, buf);
  return pn_draft_cn_number_len (buf) > 0;
}

/* an item a shared word completes: "Ⅰ", "第二类", "乙级", "国内" */
static gboolean
is_partial_item (const char *text)
{
  glong len = g_utf8_strlen (text, -1);
  gunichar final;

  if (len == 0 || len > 5)
    return FALSE;
  final = g_utf8_get_char (g_utf8_offset_to_pointer (text, len - 1));
  return is_numeral (final) || final == 0x7C7B || final == 0x7EA7 || final == 0x671F ||   /* 类 级 期 */
         final == 0x5185 || final == 0x5916 || final == 0x578B;                          /* 内 外 型 */
}

static gsize
first_item_core (const char *s,
                 GArray     *items)
{
  Span first = g_array_index (items, Span, 0);
  Span last = g_array_index (items, Span, items->len - 1);
  gunichar lead = g_utf8_get_char (s + last.start);

  if (!is_numeral (lead))
    return first.start;

  for (gsize p = first.end; p > first.start;)
    {
      const char *prev = g_utf8_find_prev_char (s + first.start, s + p);

      if (prev == NULL)
        break;
      p = prev - s;
      if (same_class (g_utf8_get_char (prev), lead))
        {
          gsize run = p;

          if (g_utf8_strlen (s + p, first.end - p) > 5)
            return first.start;
          /* the whole number: "突破5000万元、1亿元" is "5000", not its last 0 */
          while (run > first.start)
            {
              const char *before = g_utf8_find_prev_char (s + first.start, s + run);

              if (before == NULL ||
                  !(same_class (g_utf8_get_char (before), lead) ||
                    (*before == '.' && g_ascii_isdigit (s[run]) && before > s + first.start &&
                     g_ascii_isdigit (before[-1]))))
                break;
              run = before - s;
            }
          return run;
        }
    }
  return first.start;
}

/* A short item ("Ⅰ", "第二类", "国内") takes the words the last item goes
 * on with ("期临床试验", "医疗器械…", "首台（套）…"), and every item the
 * head of the first one ("完成"). */
static char *
expand_item (const char *s,
             GArray     *items,
             guint       i)
{
  Span item = g_array_index (items, Span, i);
  Span last = g_array_index (items, Span, items->len - 1);
  gsize core = first_item_core (s, items);
  g_autofree char *head = span_dup (s, g_array_index (items, Span, 0).start, core);
  g_autofree char *text = span_dup (s, i == 0 ? core : item.start, item.end);
  g_autofree char *last_text = span_dup (s, last.start, last.end);
  glong len = g_utf8_strlen (text, -1);
  const char *tail = NULL;

  if (i + 1 == items->len || len == 0 || !is_partial_item (text))
    return g_strconcat (head, text, NULL);

  {
    gunichar final = g_utf8_get_char (g_utf8_offset_to_pointer (text, len - 1));

    for (const char *p = last_text; *p != '\0'; p = g_utf8_next_char (p))
      if (same_class (g_utf8_get_char (p), final))
        {
          tail = g_utf8_next_char (p);
          break;
        }
  }

  return g_strconcat (head, text, tail ? tail : "", NULL);
}

/* ---- benefits ---- */

static const struct { const char *word; PnFigure figure; } base_words[] = {
  /* "按照实际支付租金的50%给予补贴" (before 设备: "租用设备的租金" is rent) */
  { "租金", PN_FIGURE_RENT },
  { "房租", PN_FIGURE_RENT },
  { "研发投入", PN_FIGURE_RD_INVESTMENT },
  { "研发费用", PN_FIGURE_RD_INVESTMENT },
  { "研发经费", PN_FIGURE_RD_INVESTMENT },
  { "研发支出", PN_FIGURE_RD_INVESTMENT },
  /* "按照临床试验实际投入的百分之二十", "实际投入费用的30%" */
  { "临床试验实际投入", PN_FIGURE_RD_INVESTMENT },
  { "临床试验费用", PN_FIGURE_RD_INVESTMENT },
  { "临床研究费用", PN_FIGURE_RD_INVESTMENT },
  { "实际投入费用", PN_FIGURE_RD_INVESTMENT },
  { "设备", PN_FIGURE_EQUIPMENT },
  { "仪器", PN_FIGURE_EQUIPMENT },
  { "固定资产", PN_FIGURE_FIXED_ASSETS },
  { "评价成本", PN_FIGURE_EVALUATION_COST },
  { "一致性评价费用", PN_FIGURE_EVALUATION_COST },
  { "评价费用", PN_FIGURE_EVALUATION_COST },
  { "技术交易额", PN_FIGURE_TECH_TRANSACTION },
  { "技术合同", PN_FIGURE_TECH_TRANSACTION },
  { "成果交易", PN_FIGURE_TECH_TRANSACTION },
  /* "按服务合同实际发生额的10%": a CRO's service contracts are its
   * service revenue (before 合同金额, a contract manufacturer's) */
  { "服务合同", PN_FIGURE_SERVICE_REVENUE },
  { "合同交易", PN_FIGURE_CONTRACT_AMOUNT },
  { "合同金额", PN_FIGURE_CONTRACT_AMOUNT },
  /* "按实际交易额的20%", after 合同交易额 (a contract's) */
  { "交易额", PN_FIGURE_TECH_TRANSACTION },
  { "服务收入", PN_FIGURE_SERVICE_REVENUE },
  { "服务金额", PN_FIGURE_SERVICE_REVENUE },
  { "服务费", PN_FIGURE_SERVICE_REVENUE },
  { "实际收入", PN_FIGURE_SERVICE_REVENUE },
  /* a year's sales are no cumulative sales (the taxonomy's "sales"): an
   * annual figure is read as the year's revenue, which a company's sales
   * make up, so no year is taken for the years together */
  { "年销售收入", PN_FIGURE_ANNUAL_REVENUE },
  { "年度销售收入", PN_FIGURE_ANNUAL_REVENUE },
  { "年销售额", PN_FIGURE_ANNUAL_REVENUE },
  { "年度销售额", PN_FIGURE_ANNUAL_REVENUE },
  { "营业收入", PN_FIGURE_ANNUAL_REVENUE },
  { "主营业务收入", PN_FIGURE_ANNUAL_REVENUE },
  { "营收", PN_FIGURE_ANNUAL_REVENUE },
  { "销售收入", PN_FIGURE_SALES },
  { "销售额", PN_FIGURE_SALES },
  { "国家实际资助", PN_FIGURE_NATIONAL_FUNDING },
  { "国家资助", PN_FIGURE_NATIONAL_FUNDING },
  { "上级扶持资金", PN_FIGURE_NATIONAL_FUNDING },
  { "上级资金", PN_FIGURE_NATIONAL_FUNDING },
  { "国家实际资助额", PN_FIGURE_NATIONAL_FUNDING },
  { "中央财政", PN_FIGURE_NATIONAL_FUNDING },
  /* "按照实际支付利息的50%给予贴息" */
  { "贷款利息", PN_FIGURE_LOAN_INTEREST },
  { "支付利息", PN_FIGURE_LOAN_INTEREST },
  { "利息", PN_FIGURE_LOAN_INTEREST },
  { "总投资", PN_FIGURE_TOTAL_INVESTMENT },
  { "项目投资", PN_FIGURE_TOTAL_INVESTMENT },
  { "投资额", PN_FIGURE_TOTAL_INVESTMENT },
};

static PnFigure
find_base (const char *s,
           gsize       start,
           gsize       end)
{
  g_autofree char *text = span_dup (s, start, end);
  g_autofree char *plain = NULL;
  GString *out = g_string_new (NULL);
  int depth = 0;

  /* "项目设备（含技术、软件等）投资额": the parenthesis is no base */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF08 || c == '(')
        depth++;
      else if ((c == 0xFF09 || c == ')') && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_unichar (out, c);
    }
  plain = g_string_free (out, FALSE);

  /* "融资租赁合同金额的3%", "风险投资…实际到位投资额的5%": figures no
   * question asks (no contract manufacturing, no project's total): no
   * base, which the note asks the reviewer for */
  if (pn_draft_find_any (plain, (const char * const[]) {
        "融资租赁", "到位投资", "到位资金", "融资额", "融资金额", NULL }) != NULL)
    return PN_FIGURE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (base_words); i++)
    if (strstr (plain, base_words[i].word) != NULL)
      return base_words[i].figure;

  return PN_FIGURE_NONE;
}

/* Whether a table heading names a figure ("年主营业务收入", "固定资产投资额") */
static gboolean
names_figure (const char *heading)
{
  return find_base (heading, 0, strlen (heading)) != PN_FIGURE_NONE;
}

static const char *
per_of (const char *s,
        gsize       start,
        gsize       end)
{
  static const struct { const char *word; const char *per; } pers[] = {
    { "注册单元", "registration-unit" }, { "每个品种", "product" }, { "单个品种", "product" },
    { "每个产品", "product" }, { "单个产品", "product" }, { "按品种", "product" },
    { "每个药品", "product" }, { "每个项目", "project" }, { "单个项目", "project" },
    { "每个医疗机构", "institution" }, { "每家医疗机构", "institution" },
    { "每个机构", "institution" }, { "单个机构", "institution" }, { "每家机构", "institution" },
    { "单家机构", "institution" }, { "每个团队", "item" }, { "单个团队", "item" },
    { "每个平台", "platform" }, { "单个平台", "platform" },
    { "每家企业", "enterprise" }, { "每个企业", "enterprise" }, { "单个企业", "enterprise" },
    { "单家企业", "enterprise" }, { "每人", "person" }, { "每名", "person" },
    { "每项", "item" }, { "每个基地", "item" }, { "每个种植基地", "item" }, { "每个学科", "item" },
    { "每新增", "item" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pers); i++)
    if (span_has (s, start, end, pers[i].word))
      return pers[i].per;
  return NULL;
}

static const char *
award_noun (const char *s,
            gsize       start,
            gsize       end)
{
  static const char * const nouns[] = { "奖励", "补助", "资助", "补贴", "配套", "支持", "奖补", NULL };
  gsize best = end;
  const char *found = "奖励";

  for (guint i = 0; nouns[i] != NULL; i++)
    {
      const char *hit = NULL;

      for (gsize p = start; p + strlen (nouns[i]) <= end; p++)
        if (memcmp (s + p, nouns[i], strlen (nouns[i])) == 0)
          {
            hit = s + p;
            break;
          }
      if (hit != NULL && (gsize) (hit - s) < best)
        {
          best = hit - s;
          found = nouns[i];
        }
    }

  return found;
}

static char *
without_parentheses (const char *text)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF08 || c == '(')
        depth++;
      else if ((c == 0xFF09 || c == ')') && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* "对在本市转化的创新药（…）完成临床前研究的" → "在本市转化的创新药完成临床前研究" */
static char *
subject_core (const char *s,
              gsize       start,
              gsize       end)
{
  g_autofree char *text = span_dup (s, start, end);
  g_autofree char *plain = without_parentheses (text);
  const char *p = plain;
  const char *stop;
  char *core;

  if (g_str_has_prefix (p, "对于"))
    p += strlen ("对于");
  else if (g_str_has_prefix (p, "对"))
    p += strlen ("对");
  else if (g_str_has_prefix (p, "凡"))
    p += strlen ("凡");

  /* to the end of the condition: "…的，" or before the award */
  stop = pn_draft_find_any (p, (const char * const[]) {
    "的，", "，按", "，给予", "，经评审", "给予", "予以", "，每个", "，分别", "按照", "，最高", NULL });
  core = stop != NULL ? g_strndup (p, stop - p) : g_strdup (p);
  {
    g_auto(GStrv) parts = g_strsplit (core, "，", -1);

    g_free (core);
    core = g_strjoinv ("", parts);
  }
  if (g_str_has_suffix (core, "的"))
    core[strlen (core) - strlen ("的")] = '\0';
  return core;
}

static char *
slug_for (Reader  *self,
          Vocab   *vocab,
          guint    index)
{
  static const PnQuestion order[] = {
    PN_QUESTION_DRUG_CLASS, PN_QUESTION_DEVICE_CLASS, PN_QUESTION_RANK, PN_QUESTION_PHASE,
    PN_QUESTION_ENTITY,
  };
  GString *slug = g_string_new (NULL);
  guint n = 0;

  for (guint o = 0; o < G_N_ELEMENTS (order) && n < 3; o++)
    {
      GPtrArray *values = vocab->values[order[o]];

      if (values == NULL || values->len != 1)
        continue;
      if (slug->len > 0)
        g_string_append_c (slug, '-');
      g_string_append (slug, g_ptr_array_index (values, 0));
      n++;
    }
  if (slug->len == 0)
    g_string_append_printf (slug, "benefit-%u", index);

  /* unique within the article */
  {
    g_autofree char *base = g_strdup (slug->str);
    guint k = 2;

    while (g_hash_table_contains (self->slugs, slug->str))
      {
        g_string_truncate (slug, 0);
        g_string_append_printf (slug, "%s-%u", base, k++);
      }
  }
  g_hash_table_add (self->slugs, g_strdup (slug->str));
  return g_string_free (slug, FALSE);
}

static void
set_conditions (PnBenefit *benefit,
                Vocab     *vocab)
{
  for (guint q = 0; q < PN_N_QUESTIONS; q++)
    {
      GPtrArray *values = vocab->values[q];
      PnCondition *condition;
      GStrvBuilder *builder;

      if (values == NULL || values->len == 0)
        continue;
      condition = pn_condition_new ();
      condition->question = q;
      builder = g_strv_builder_new ();
      for (guint i = 0; i < values->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (values, i));
      condition->values = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
      condition->value_quarks = g_new0 (GQuark, values->len + 1);
      for (guint i = 0; i < values->len; i++)
        condition->value_quarks[i] = g_quark_from_string (g_ptr_array_index (values, i));
      condition->review_quarks = g_new0 (GQuark, 1);
      g_ptr_array_add (benefit->conditions, condition);
    }
}

/* An English title from what was read: "Drafted: 40% of R&D investment,
 * at most ¥10,000,000".  (Not "not yet reviewed": the reviewer who marks
 * it reviewed in the XML may keep it, and the app says elsewhere what is
 * not reviewed.) */
static void
describe (Made       *made,
          PnTaxonomy *taxonomy)
{
  PnBenefit *benefit = made->benefit;
  GString *en = g_string_new ("Drafted: ");

  /* whom it is for, so that two awards of one article can be told apart
   * in English: "Drafted (Class III medical device, Obtained the
   * registration certificate): ¥2,000,000" */
  {
    static const PnQuestion shown[] = { PN_QUESTION_DRUG_CLASS, PN_QUESTION_DEVICE_CLASS, PN_QUESTION_PHASE,
                                        PN_QUESTION_RANK, PN_QUESTION_ENTITY };
    GString *who = g_string_new (NULL);
    const PnCondition *innovative = pn_benefit_find_condition (benefit, PN_QUESTION_INNOVATIVE_DEVICE);

    for (guint q = 0; q < G_N_ELEMENTS (shown); q++)
      {
        const PnCondition *condition = pn_benefit_find_condition (benefit, shown[q]);
        const PnTerm *term;

        if (condition == NULL || condition->values[0] == NULL || condition->values[1] != NULL)
          continue;
        term = pn_taxonomy_get_term (taxonomy, pn_question_to_string (shown[q]), condition->values[0]);
        if (term == NULL || term->en == NULL)
          continue;
        g_string_append_printf (who, "%s%s", who->len > 0 ? ", " : "", term->en);
      }
    if (innovative != NULL && g_strv_contains ((const char * const *) innovative->values, "true"))
      g_string_append_printf (who, "%s%s", who->len > 0 ? ", " : "", "innovative device (special review)");
    if (who->len > 0)
      {
        g_string_truncate (en, 0);
        g_string_append_printf (en, "Drafted (%s): ", who->str);
      }
    g_string_free (who, TRUE);
  }

  switch (benefit->kind)
    {
    case PN_BENEFIT_RATE:
    case PN_BENEFIT_MATCHING:
    case PN_BENEFIT_TOP_UP:
      if (benefit->kind == PN_BENEFIT_TOP_UP && benefit->rate < 0 && benefit->amount != PN_YUAN_UNSET)
        {
          g_autofree char *amount = pn_money_format_yuan (benefit->amount);

          g_string_append_printf (en, "top-up to %s", amount);
        }
      else if (benefit->kind == PN_BENEFIT_TOP_UP && benefit->rate < 0)
        g_string_append (en, "top-up");
      else
        {
          g_autofree char *percent = g_strdup_printf ("%g%%", benefit->rate * 100);

          g_string_append_printf (en, "%s%s", benefit->kind == PN_BENEFIT_TOP_UP ? "top-up to " :
                                              benefit->kind == PN_BENEFIT_MATCHING ? "matching " : "",
                                  percent);
          if (benefit->base != PN_FIGURE_NONE)
            {
              const char *label = pn_derivation_figure_label (taxonomy, benefit->base, PN_LANG_EN);

              /* "of rent paid", but "of R&D investment" */
              if (g_ascii_isupper (label[0]) && g_ascii_islower (label[1]))
                g_string_append_printf (en, " of %c%s", g_ascii_tolower (label[0]), label + 1);
              else
                g_string_append_printf (en, " of %s", label);
            }
        }
      break;
    case PN_BENEFIT_FIXED:
      {
        g_autofree char *amount = pn_money_format_yuan (benefit->amount);

        g_string_append_printf (en, "%s%s", benefit->cap != PN_YUAN_UNSET ? "up to " : "", amount);
      }
      break;
    case PN_BENEFIT_UNSPECIFIED:
      g_string_append (en, "amount not stated");
      break;
    case PN_BENEFIT_NON_MONETARY:
    case PN_N_BENEFIT_KINDS:
    default:
      g_string_append (en, "no money");
      break;
    }

  if (benefit->cap != PN_YUAN_UNSET && benefit->kind != PN_BENEFIT_FIXED)
    {
      g_autofree char *cap = pn_money_format_yuan (benefit->cap);

      g_string_append_printf (en, ", at most %s", cap);
    }
  if (benefit->per != NULL)
    g_string_append_printf (en, " per %s", benefit->per);
  if (benefit->one_time)
    g_string_append (en, ", once");
  if (made->year_from > 0)
    {
      if (made->year_from == made->year_to)
        g_string_append_printf (en, " (year %u)", made->year_from);
      else
        g_string_append_printf (en, " (years %u–%u, each)", made->year_from, made->year_to);
    }
  if (made->per_period > 0)
    {
      g_autofree char *each = pn_money_format_yuan (made->per_period);

      if (made->n_periods > 0)
        g_string_append_printf (en, made->monthly ? " (%s a month, %u months)" : " (%s a year, %u years)",
                                each, made->n_periods);
      else
        g_string_append (en, made->monthly ? " a month" : " a year");
    }

  g_free (benefit->title.en);
  benefit->title.en = g_string_free (en, FALSE);
}

typedef struct
{
  guint   sentence;
  gsize   context_start;  /* where the conditions of the sentence are read */
  gsize   run_start;
  GArray *items;          /* the enumeration paired with the run, or NULL */
  guint   item;
} Origin;

/* Where the subject a clause inherits starts: `context_start`, or after
 * the last "；" before the figure at `figure` when what follows that names
 * a subject of its own, a product and its milestone (never past `clause`,
 * where the figure's clause starts).  "对首次取得第三类医疗器械注册证的产品，
 * 每个产品奖励200万元；首次取得第二类医疗器械注册证的产品，每个产品奖励50
 * 万元": the second award is the class II device's alone.  "对…创新药完成
 * 临床前研究的，…；完成Ⅰ期临床试验的，…" names no product and goes on with
 * the innovative drug; "对取得注册证的第三类医疗器械，给予200万元；第二类
 * 医疗器械，给予50万元" no milestone, and goes on with the registration;
 * nor does an item of a list a "：" leads in. */
static gsize
inherited_start (Reader *self,
                 gsize   context_start,
                 gsize   clause,
                 gsize   figure)
{
  const char *s = self->s;
  const char *semicolon = pn_draft_rfind (s + context_start, s + figure, "；");
  g_autofree char *part = NULL;
  g_auto(Vocab) named = { { NULL } };
  gsize after;

  if (semicolon == NULL || pn_draft_rfind (s + context_start, semicolon, "：") != NULL)
    return context_start;
  after = semicolon + strlen ("；") - s;
  part = span_dup (s, after, figure);
  detect (part, &named);
  return named.values[PN_QUESTION_PRODUCT] != NULL && named.values[PN_QUESTION_PHASE] != NULL
         ? MIN (after, clause) : context_start;
}

/* Conditions, title, id, per, one-time and the source note of a benefit
 * read from `token` (of the enumerated item `origin->item`). */
static void
fill_benefit (Reader    *self,
              PnBenefit *benefit,
              Origin    *origin,
              Token     *token)
{
  const char *s = self->s;
  g_auto(Vocab) vocab = { { NULL } };
  g_autofree char *core = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *quote = NULL;
  gsize cstart = clause_start (self, token->clause);
  gsize cend = clause_end (self, token->clause);
  gsize inherited_from = inherited_start (self, origin->context_start, cstart, token->start);

  g_ptr_array_set_size (benefit->conditions, 0);
  g_ptr_array_set_size (benefit->notes, 0);
  g_ptr_array_set_size (benefit->requirements, 0);
  g_clear_pointer (&benefit->title.zh, g_free);
  g_clear_pointer (&benefit->per, g_free);
  if (benefit->id != NULL)
    {
      const char *slash = strrchr (benefit->id, '/');

      g_hash_table_remove (self->slugs, slash ? slash + 1 : benefit->id);
      g_clear_pointer (&benefit->id, g_free);
    }

  /* conditions: the enumerated item first, then the clause, then what
   * the sentence said before it */
  if (origin->items != NULL)
    {
      g_autofree char *item = expand_item (s, origin->items, origin->item);

      detect (item, &vocab);
    }
  {
    g_auto(Vocab) own = { { NULL } };
    g_auto(Vocab) before = { { NULL } };
    g_autofree char *clause_text = NULL;
    g_autofree char *context_text = span_dup (s, inherited_from, cstart);

    if (origin->items != NULL)
      {
        /* the clause without the items before the last, whose own words
         * differ; the last item goes on with what they share ("…药品注册
         * 证书并首次实现产业化") and comes after the item's own words */
        Span first = g_array_index (origin->items, Span, 0);
        Span last = g_array_index (origin->items, Span, origin->items->len - 1);
        gsize from = MAX (origin->context_start, cstart);
        g_autofree char *a = span_dup (s, MIN (from, first.start), first.start);
        g_autofree char *b = span_dup (s, last.start, token->start);

        clause_text = g_strconcat (a, b, NULL);
      }
    else
      clause_text = span_dup (s, MAX (origin->context_start, cstart), token->start);

    detect (clause_text, &own);
    detect (context_text, &before);
    for (guint q = 0; q < PN_N_QUESTIONS; q++)
      {
        Vocab *source = own.values[q] != NULL ? &own : &before;

        if (vocab.values[q] == NULL && source->values[q] != NULL)
          for (guint i = 0; i < source->values[q]->len; i++)
            vocab_add (&vocab, q, g_ptr_array_index (source->values[q], i));
      }
  }
  /* the article's heading when the sentence names no product:
   * "支持创新药物研发。对自主研发并转化的产品…" */
  if (vocab.values[PN_QUESTION_PRODUCT] == NULL && self->article->heading.zh != NULL)
    {
      g_auto(Vocab) heading = { { NULL } };

      detect (self->article->heading.zh, &heading);
      for (guint q = 0; q < PN_N_QUESTIONS; q++)
        if (vocab.values[q] == NULL && heading.values[q] != NULL &&
            (q == PN_QUESTION_PRODUCT || q == PN_QUESTION_DRUG_CLASS))
          for (guint i = 0; i < heading.values[q]->len; i++)
            vocab_add (&vocab, q, g_ptr_array_index (heading.values[q], i));
    }
  /* "药品每个品种给予300万元奖励，医疗器械每个产品给予100万元奖励": the
   * product the award's own part of the clause names is its product */
  {
    gsize from = last_comma (self, token->clause, token->start, cstart);
    g_autofree char *part = span_dup (s, from, token->start);
    g_auto(Vocab) own_part = { { NULL } };

    detect (part, &own_part);
    /* "…开展创新药临床试验的，2类改良型新药完成Ⅰ期临床试验的，给予100万元"
     * (a table's row): the nearest part before that names one class */
    for (gsize end = from; own_part.values[PN_QUESTION_DRUG_CLASS] == NULL && end > cstart;)
      {
        gsize before = back (s, end, 1, cstart);
        gsize start = last_comma (self, token->clause, before, cstart);
        g_autofree char *earlier = span_dup (s, start, before);
        g_auto(Vocab) found = { { NULL } };

        detect (earlier, &found);
        if (found.values[PN_QUESTION_DRUG_CLASS] != NULL && found.values[PN_QUESTION_DRUG_CLASS]->len == 1)
          {
            own_part.values[PN_QUESTION_DRUG_CLASS] = g_steal_pointer (&found.values[PN_QUESTION_DRUG_CLASS]);
            break;
          }
        if (found.values[PN_QUESTION_DRUG_CLASS] != NULL || start >= end)
          break;
        end = start;
      }
    /* "前三家通过的每个品种给予100万元，视同通过的每个品种给予30万元": the
     * rank the award's own part names */
    if (own_part.values[PN_QUESTION_RANK] != NULL && own_part.values[PN_QUESTION_RANK]->len == 1 &&
        vocab.values[PN_QUESTION_RANK] != NULL && vocab.values[PN_QUESTION_RANK]->len > 1)
      {
        g_ptr_array_set_size (vocab.values[PN_QUESTION_RANK], 0);
        g_ptr_array_add (vocab.values[PN_QUESTION_RANK], g_ptr_array_index (own_part.values[PN_QUESTION_RANK], 0));
      }
    /* "创新药分别给予…，改良型新药分别给予…": each its own drug class */
    if (own_part.values[PN_QUESTION_DRUG_CLASS] != NULL && own_part.values[PN_QUESTION_DRUG_CLASS]->len == 1 &&
        vocab.values[PN_QUESTION_DRUG_CLASS] != NULL && vocab.values[PN_QUESTION_DRUG_CLASS]->len > 1)
      {
        g_ptr_array_set_size (vocab.values[PN_QUESTION_DRUG_CLASS], 0);
        g_ptr_array_add (vocab.values[PN_QUESTION_DRUG_CLASS],
                         g_ptr_array_index (own_part.values[PN_QUESTION_DRUG_CLASS], 0));
      }
    if (own_part.values[PN_QUESTION_PRODUCT] != NULL && vocab.values[PN_QUESTION_PRODUCT] != NULL &&
        vocab.values[PN_QUESTION_PRODUCT]->len > 1 && own_part.values[PN_QUESTION_PRODUCT]->len == 1)
      {
        const char *product = g_ptr_array_index (own_part.values[PN_QUESTION_PRODUCT], 0);

        g_ptr_array_set_size (vocab.values[PN_QUESTION_PRODUCT], 0);
        g_ptr_array_add (vocab.values[PN_QUESTION_PRODUCT], (gpointer) product);
        if (g_str_equal (product, "device"))
          g_clear_pointer (&vocab.values[PN_QUESTION_DRUG_CLASS], g_ptr_array_unref);
        else if (g_str_equal (product, "drug"))
          {
            g_clear_pointer (&vocab.values[PN_QUESTION_DEVICE_CLASS], g_ptr_array_unref);
            g_clear_pointer (&vocab.values[PN_QUESTION_INNOVATIVE_DEVICE], g_ptr_array_unref);
          }
      }
  }
  /* "…按照10%给予服务方奖励，同时按照5%给予委托方补贴": the client of a
   * CRO gets the second award, as any enterprise may */
  {
    gsize from = last_comma (self, token->clause, token->start, cstart);
    const char *next = strstr (s + token->end, "，");
    gsize to = next != NULL && (gsize) (next - s) < cend ? (gsize) (next - s) : cend;

    if (span_has (s, from, to, "委托方") && !span_has (s, from, to, "服务方"))
      {
        g_clear_pointer (&vocab.values[PN_QUESTION_ENTITY], g_ptr_array_unref);
        g_clear_pointer (&vocab.values[PN_QUESTION_PRODUCT], g_ptr_array_unref);
      }
  }
  /* an award to a hospital, a lab, a CRO is an organisation's */
  if (vocab.values[PN_QUESTION_ENTITY] != NULL)
    {
      g_clear_pointer (&vocab.values[PN_QUESTION_PRODUCT], g_ptr_array_unref);
      g_clear_pointer (&vocab.values[PN_QUESTION_DRUG_CLASS], g_ptr_array_unref);
      g_clear_pointer (&vocab.values[PN_QUESTION_DEVICE_CLASS], g_ptr_array_unref);
      vocab_add (&vocab, PN_QUESTION_PRODUCT, "organisation");
    }
  /* "对首次取得药品注册证书并在本区实现产业化的1类创新药，…给予最高2000万元
   * 奖励；对2类改良型新药，…给予最高500万元奖励": the second class's award
   * waits for the same milestone (it matched a drug at Phase I) */
  if (vocab.values[PN_QUESTION_PHASE] == NULL && vocab.values[PN_QUESTION_DRUG_CLASS] != NULL &&
      vocab.values[PN_QUESTION_DRUG_CLASS]->len == 1 && token->clause > 0 &&
      clause_start (self, token->clause - 1) >= sentence_start (self, token->sentence) &&
      at (s, subject_start (self, token->clause, token->start), "对"))
    {
      g_autofree char *before = span_dup (s, clause_start (self, token->clause - 1),
                                          clause_end (self, token->clause - 1));
      g_auto(Vocab) earlier = { { NULL } };

      detect (before, &earlier);
      if (earlier.values[PN_QUESTION_PHASE] != NULL && earlier.values[PN_QUESTION_DRUG_CLASS] != NULL &&
          earlier.values[PN_QUESTION_DRUG_CLASS]->len == 1 &&
          !g_str_equal (g_ptr_array_index (earlier.values[PN_QUESTION_DRUG_CLASS], 0),
                        g_ptr_array_index (vocab.values[PN_QUESTION_DRUG_CLASS], 0)))
        for (guint i = 0; i < earlier.values[PN_QUESTION_PHASE]->len; i++)
          vocab_add (&vocab, PN_QUESTION_PHASE, g_ptr_array_index (earlier.values[PN_QUESTION_PHASE], i));
    }
  /* a drug benefit is no device's: drop what the other product implies */
  if (vocab.values[PN_QUESTION_PRODUCT] != NULL && vocab.values[PN_QUESTION_PRODUCT]->len > 1 &&
      vocab.values[PN_QUESTION_DRUG_CLASS] != NULL && vocab.values[PN_QUESTION_DEVICE_CLASS] == NULL)
    {
      g_ptr_array_set_size (vocab.values[PN_QUESTION_PRODUCT], 0);
      g_ptr_array_add (vocab.values[PN_QUESTION_PRODUCT], (gpointer) "drug");
    }
  set_conditions (benefit, &vocab);

  /* title: the subject, the enumerated item in place of the list */
  {
    /* "…受托生产的，对受托生产方…生产的单个品种": the last 对 names it */
    gsize subject_start = MAX (origin->context_start, cstart);
    g_autofree char *own_core = NULL;
    g_autofree char *title = NULL;

    if (!span_has (s, cstart, token->start, "对") && !span_has (s, cstart, token->start, "凡") &&
        inherited_from < cstart)
      {
        g_autofree char *inherited = subject_core (s, inherited_from, cstart);
        static const char * const verbs[] = {
          "完成", "取得", "通过", "获得", "进入", "开展", "实现", "首次", NULL
        };
        const char *verb = pn_draft_find_any (inherited, verbs);

        if (verb != NULL && verb > inherited)
          inherited[verb - inherited] = '\0';
        core = g_steal_pointer (&inherited);
      }

    if (origin->items != NULL)
      {
        Span first = g_array_index (origin->items, Span, 0);
        g_autofree char *item = expand_item (s, origin->items, origin->item);
        g_autofree char *before = span_dup (s, MIN (subject_start, first.start), first.start);
        g_autofree char *joined = g_strconcat (before, item, NULL);

        own_core = subject_core (joined, 0, strlen (joined));
        /* "…开展创新药临床试验的，完成Ⅰ期临床试验后": the item comes after
         * the condition the subject ends on */
        g_autofree char *trimmed = without_parentheses (item);

        if (g_str_has_suffix (trimmed, "后") || g_str_has_suffix (trimmed, "的"))
          trimmed[strlen (trimmed) - strlen ("的")] = '\0';
        if (g_str_has_prefix (trimmed, "对"))
          memmove (trimmed, trimmed + strlen ("对"), strlen (trimmed + strlen ("对")) + 1);
        if (strstr (own_core, trimmed) == NULL && strstr (trimmed, own_core) == NULL)
          {
            char *with_item;

            with_item = g_strconcat (own_core, *own_core ? "，" : "", trimmed, NULL);
            g_free (own_core);
            own_core = with_item;
          }
      }
    else
      own_core = subject_core (s, subject_start, token->start);

    /* "对首次纳入规模以上工业统计的企业，给予50万元奖励": who may apply
     * is a question no answer of a profile decides.  Reviewed as drafted,
     * the award would count for every company of the place: it stays a
     * possible match, its subject a requirement, until the reviewer turns
     * the words into conditions or removes it. */
    {
      g_autofree char *subject = g_strconcat (core ? core : "", own_core, NULL);
      const char * const *tiers = tier_words;

      /* "organisation" alone says no more than that the applicant is one */
      gboolean broad = benefit->conditions->len == 0 ||
                       (benefit->conditions->len == 1 &&
                        ((PnCondition *) g_ptr_array_index (benefit->conditions, 0))->question == PN_QUESTION_PRODUCT &&
                        g_strv_contains ((const char * const *) ((PnCondition *) g_ptr_array_index (benefit->conditions, 0))->values,
                                         "organisation"));

      /* "在取得美国、欧盟或日本上市许可后三年内在国内获批上市的创新药": the
       * approval abroad before is a condition no milestone holds */
      gboolean abroad_too = (pn_draft_find_any (subject, (const char * const[]) {
                               "境外", "美国", "欧盟", "日本", "FDA", "EMA", "PMDA", NULL }) != NULL &&
                             !pn_draft_find_any (subject, (const char * const[]) { "境外临床", NULL })) ||
                            /* "进入国家医保目录的", "集采中选的": a milestone the
                             * taxonomy has no answer for */
                            pn_draft_find_any (subject, (const char * const[]) {
                              "医保目录", "医保谈判", "集采", "集中带量采购", "中选", "首台套", "首批次", NULL }) != NULL ||
                            /* "对主导制定中药国家标准、行业标准的企业", "通过中药材GAP
                             * 延伸检查的", "新建中药配方颗粒生产线并投产的": an
                             * activity no answer states, whatever the modality */
                            pn_draft_find_any (subject, (const char * const[]) {
                              "制定", "标准的", "GAP", "延伸检查", "种植基地", "生产线", NULL }) != NULL;

      for (guint c = 0; abroad_too && c < benefit->conditions->len; c++)
        {
          PnCondition *condition = g_ptr_array_index (benefit->conditions, c);

          if (condition->question == PN_QUESTION_PHASE &&
              g_strv_contains ((const char * const *) condition->values, "overseas-approval"))
            abroad_too = FALSE;
        }

      /* "国家级平台最高不超过2000万元，省级平台最高不超过500万元": the tier
       * the award's own part names, when the subject does not */
      g_autofree char *own_tier = NULL;
      {
        gsize from = last_comma (self, token->clause, token->start, cstart);
        g_autofree char *part = span_dup (s, from, token->start);

        for (guint t = 0; tiers[t] != NULL && own_tier == NULL && pn_draft_find_any (subject, tiers) == NULL; t++)
          {
            const char *hit = strstr (part, tiers[t]);

            /* "其中省级财政按…": who pays, no tier of the applicant */
            if (hit != NULL &&
                !pn_draft_has_prefix_any (hit + strlen (tiers[t]), (const char * const[]) {
                  "财政", "资金", "部门", "主管", "政府", NULL }))
              own_tier = g_strdup (tiers[t]);
          }
      }

      if ((broad || abroad_too || own_tier != NULL || pn_draft_find_any (subject, tiers) != NULL) &&
          pn_draft_count_cjk (subject) >= 4)
        {
          PnRequirement *requirement = pn_requirement_new ();

          requirement->id = g_strdup ("drafted-eligibility");
          requirement->text.zh = own_tier != NULL ? g_strdup_printf ("%s（%s）", subject, own_tier)
                                                  : g_strdup (subject);
          requirement->text.en = g_strdup_printf ("The applicant is as the text says: “%s” "
                                                  "(drafted; translate and check)", requirement->text.zh);
          g_ptr_array_add (benefit->requirements, requirement);
        }
    }

    {
      const char *noun = award_noun (s, token->end, cend);
      g_autofree char *named = g_strconcat (core ? core : "", own_core, NULL);

      /* "…每个品种奖励" + 奖励: the noun once ("奖励奖励" titled drafts) */
      title = g_str_has_suffix (named, noun) ? g_steal_pointer (&named) : g_strconcat (named, noun, NULL);
    }
    if (g_utf8_strlen (title, -1) > 48)
      {
        char *cut = g_utf8_offset_to_pointer (title, 46);

        *cut = '\0';
        benefit->title.zh = g_strconcat (title, "…", NULL);
      }
    else
      benefit->title.zh = g_steal_pointer (&title);
    if (pn_draft_count_cjk (benefit->title.zh) < 2)
      {
        g_free (benefit->title.zh);
        benefit->title.zh = g_strdup_printf ("第%s条奖补", self->article->number);
      }
  }

  slug = slug_for (self, &vocab, self->article->benefits->len);
  benefit->id = g_strdup_printf ("%s/%s/%s", self->document->id, self->article->number, slug);

  benefit->per = g_strdup (per_of (s, cstart, MIN (cend, token->end + 24)));
  {
    /* "给予200万元一次性奖励，对其中的重大项目…给予600万元奖励" */
    gsize from = last_comma (self, token->clause, token->start, cstart);
    const char *next = strstr (s + token->end, "，");
    gsize to = next != NULL && (gsize) (next - s) < cend ? (gsize) (next - s) : cend;

    benefit->one_time = span_has (s, from, to, "一次性");
  }

  quote = original_span (self, sentence_start (self, origin->sentence),
                         sentence_end (self, origin->sentence));
  {
    g_autofree char *zh = g_strdup_printf ("自动起草，未经审核。依据原文：%s", quote);

    g_ptr_array_add (benefit->notes,
                     pn_text_new (zh, "Drafted by pnav draft from the sentence quoted in Chinese; "
                                      "not yet reviewed: check every figure, condition and the title."));
  }
}

/* The one digit or the Chinese numeral at `q` ("第3年", "前三年"), or -1 */
static int
year_number (const char *s,
             gsize       q,
             gsize      *out_len)
{
  if (g_ascii_isdigit (s[q]))
    {
      *out_len = 1;
      return s[q] - '0';
    }
  if ((*out_len = pn_draft_cn_number_len (s + q)) > 0)
    return pn_draft_cn_number (s + q, *out_len);
  return -1;
}

/* "第一年按租金的100%、第二年按50%", "前两年…第三年…", "首年": the years of
 * a term an award is for, said just before it; FALSE when none is. */
static gboolean
years_before (Reader *self,
              Token  *token,
              guint  *from,
              guint  *to)
{
  const char *s = self->s;
  gsize floor = clause_start (self, token->clause);
  gsize near = back (s, token->start, 16, floor);
  gsize best = G_MAXSIZE;
  guint previous_to = 0;    /* "第二年、第三年", "第三年至第五年": the year before */
  gsize previous_end = 0;

  *from = *to = 0;

  /* "第一年、第二年、第三年分别按照租金的100%、50%、30%": the years listed
   * before 分别, one a figure, in order (the first was read as years 2–3) */
  {
    const char *respectively = pn_draft_rfind (s + floor, s + token->start, "分别");

    if (respectively != NULL)
      {
        gsize list_end = respectively - s;
        g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (guint));
        guint index = 0;

        for (gsize p = back (s, list_end, 24, floor); p < list_end; p += char_len (s + p))
          {
            gsize q = p + strlen ("第");
            gsize len;
            int n;

            if (!at (s, p, "第") || (n = year_number (s, q, &len)) < 0)
              continue;
            if (n > 0 && n <= 10 && at (s, q + len, "年") && !at (s, q + len, "年度"))
              {
                guint year = n;

                g_array_append_val (years, year);
              }
          }
        for (guint t = 0; t < self->tokens->len; t++)
          {
            const Token *other = &g_array_index (self->tokens, Token, t);

            if (other != token && other->kind == token->kind && other->clause == token->clause &&
                other->start > list_end && other->start < token->start)
              index++;
          }
        if (years->len >= 2 && index < years->len)
          {
            *from = *to = g_array_index (years, guint, index);
            return TRUE;
          }
      }
  }

  for (gsize p = near; p < token->start; p += char_len (s + p))
    {
      gboolean first = at (s, p, "第"), before = at (s, p, "前") || at (s, p, "首"),
               opening = at (s, p, "首年");
      gsize q;
      gsize len;
      int n;

      /* "首年销售收入的10%" is the figure's year, not the award's */
      if (opening && !span_has_any (s, p, token->start,
                                    (const char * const[]) { "收入", "销售", "营业", "投资", "费用", NULL }))
        {
          best = p;
          *from = *to = 1;
          continue;
        }
      if (!first && !before)
        continue;
      q = p + char_len (s + p);
      if ((n = year_number (s, q, &len)) < 0)
        continue;
      if (n <= 0 || n > 10 || !at (s, q + len, "年") || at (s, q + len, "年度") ||
          span_has_any (s, q + len, token->start,
                        (const char * const[]) { "收入", "销售", "营业", "投资", "费用", NULL }))
        continue;
      /* "第二年、第三年按照…": years 2–3; "第三年至第五年": 3–5 */
      if (first && previous_to > 0 && previous_to < (guint) n &&
          (p == previous_end ||
           (p == previous_end + strlen ("、") && at (s, previous_end, "、")) ||
           (p == previous_end + strlen ("至") && at (s, previous_end, "至")) ||
           (p == previous_end + strlen ("到") && at (s, previous_end, "到"))))
        *from = *from > 0 ? *from : previous_to;
      else
        *from = first ? (guint) n : 1;
      best = p;
      *to = (guint) n;
      previous_to = (guint) n;
      previous_end = q + len + strlen ("年");
    }
  return best != G_MAXSIZE;
}

static Made *
new_benefit (Reader        *self,
             PnBenefitKind  kind,
             Origin        *origin,
             Token         *token)
{
  PnBenefit *benefit = pn_article_add_benefit (self->article);
  Made *made = g_new0 (Made, 1);

  benefit->kind = kind;
  benefit->reviewed = FALSE;
  fill_benefit (self, benefit, origin, token);

  made->benefit = benefit;
  made->sentence = origin->sentence;
  made->clause = token->clause;
  made->paragraph = paragraph_of (self, token->start);
  made->position = token->start;
  /* "第二年按50%": three awards of a term look alike but for their year */
  if (years_before (self, token, &made->year_from, &made->year_to))
    {
      g_autofree char *zh = made->year_from == made->year_to
                            ? g_strdup_printf ("（第%u年）", made->year_from)
                            : g_strdup_printf ("（第%u至%u年）", made->year_from, made->year_to);
      char *title = g_strconcat (benefit->title.zh, zh, NULL);

      g_free (benefit->title.zh);
      benefit->title.zh = title;
    }
  g_ptr_array_add (self->made, made);
  return made;
}

static void
add_figure (Reader            *self,
            Token             *token,
            PnDraftFigureRole  role,
            PnBenefit         *benefit)
{
  PnDraftFigure *figure = g_new0 (PnDraftFigure, 1);

  if (token->ranged && benefit != NULL)
    g_ptr_array_add (benefit->notes,
                     pn_text_new ("原文为区间，此处按上限记录，估算值为可获得的最高额。",
                                  "The text gives a range; the upper end is recorded, so the "
                                  "estimate is the most the award can give."));

  figure->article = self->article;
  figure->start = g_array_index (self->map, gsize, token->start);
  figure->end = g_array_index (self->map, gsize, token->end);
  figure->role = role;
  figure->benefit = benefit;
  g_ptr_array_add (self->figures, figure);
}

static PnCondition *
condition_copy (const PnCondition *from)
{
  PnCondition *copy = pn_condition_new ();
  guint n = g_strv_length (from->values);

  copy->question = from->question;
  copy->values = g_strdupv (from->values);
  copy->value_quarks = g_new0 (GQuark, n + 1);
  for (guint i = 0; i < n; i++)
    copy->value_quarks[i] = g_quark_from_string (from->values[i]);
  copy->review_quarks = g_new0 (GQuark, 1);
  return copy;
}

static PnBenefit *
clone_benefit (Reader    *self,
               Made      *from,
               Origin    *origin,
               Token     *token)
{
  Made *made = new_benefit (self, from->benefit->kind, origin, token);
  PnBenefit *benefit = made->benefit;

  benefit->rate = from->benefit->rate;
  benefit->rate_ceiling = from->benefit->rate_ceiling;
  benefit->base = from->benefit->base;
  made->from_rate = TRUE;
  if (benefit->per == NULL)
    benefit->per = g_strdup (from->benefit->per);
  benefit->one_time = benefit->one_time || from->benefit->one_time;
  for (guint i = 0; i < from->benefit->thresholds->len; i++)
    {
      PnThreshold *t = g_memdup2 (g_ptr_array_index (from->benefit->thresholds, i), sizeof (PnThreshold));

      g_ptr_array_add (benefit->thresholds, t);
    }

  /* "对首次取得第三类医疗器械注册证的产品…最高不超过300万元；通过国家创新医疗
   * 器械特别审查程序的，…最高不超过600万元": the same award's applicants, a
   * part of them: what the first says of them still holds (the class),
   * unless the part names another kind of product */
  {
    const PnCondition *product = pn_benefit_find_condition (benefit, PN_QUESTION_PRODUCT);
    gboolean device = product != NULL && g_strv_contains ((const char * const *) product->values, "device");
    gboolean drug = product != NULL && g_strv_contains ((const char * const *) product->values, "drug");
    gboolean copied = FALSE;

    for (guint c = 0; c < from->benefit->conditions->len; c++)
      {
        const PnCondition *theirs = g_ptr_array_index (from->benefit->conditions, c);

        if (pn_benefit_find_condition (benefit, theirs->question) != NULL ||
            (device && theirs->question == PN_QUESTION_DRUG_CLASS) ||
            (drug && (theirs->question == PN_QUESTION_DEVICE_CLASS ||
                      theirs->question == PN_QUESTION_DEVICE_TYPE ||
                      theirs->question == PN_QUESTION_INNOVATIVE_DEVICE)))
          continue;
        if (theirs->question == PN_QUESTION_PRODUCT && product != NULL)
          continue;
        g_ptr_array_add (benefit->conditions, condition_copy (theirs));
        copied = TRUE;
      }
    if (copied)
      {
        Made *higher = g_ptr_array_index (self->made, self->made->len - 1);

        higher->replaces = TRUE;
        higher->replaces_lower = from->benefit;
        higher->if_not = 2;
      }
  }
  return benefit;
}

static GPtrArray *
made_in_sentence (Reader   *self,
                  guint     sentence,
                  gboolean  rates_only,
                  gboolean  uncapped_only)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < self->made->len; i++)
    {
      Made *made = g_ptr_array_index (self->made, i);

      if (made->sentence != sentence)
        continue;
      if (rates_only && !made->from_rate)
        continue;
      if (uncapped_only && made->capped)
        continue;
      g_ptr_array_add (out, made);
    }
  return out;
}

/* "按实际投入的30%给予补助，其中第二类医疗器械最高不超过50万元，第三类医疗
 * 器械最高不超过150万元": a cap whose own words (from the comma before
 * it) name a class is that class's award, whatever classes the sentence
 * named before it. */
static void
narrow_to_cap_clause (Reader    *self,
                      PnBenefit *benefit,
                      gsize      window,
                      Token     *token)
{
  static const PnQuestion classes[] = { PN_QUESTION_DEVICE_CLASS, PN_QUESTION_DRUG_CLASS };
  g_auto(Vocab) own = { { NULL } };
  g_autofree char *text = span_dup (self->s, window, token->start);

  /* a part with a subject of its own was read as one already */
  if (strstr (text, "对") != NULL || strstr (text, "凡") != NULL)
    return;
  detect (text, &own);
  for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
    {
      GPtrArray *values = own.values[classes[c]];
      PnCondition *condition;

      if (values == NULL || values->len == 0)
        continue;
      for (guint i = benefit->conditions->len; i > 0; i--)
        if (((PnCondition *) g_ptr_array_index (benefit->conditions, i - 1))->question == classes[c])
          g_ptr_array_remove_index (benefit->conditions, i - 1);
      condition = pn_condition_new ();
      condition->question = classes[c];
      condition->values = g_new0 (char *, values->len + 1);
      condition->value_quarks = g_new0 (GQuark, values->len + 1);
      for (guint i = 0; i < values->len; i++)
        {
          condition->values[i] = g_strdup (g_ptr_array_index (values, i));
          condition->value_quarks[i] = g_quark_from_string (condition->values[i]);
        }
      condition->review_quarks = g_new0 (GQuark, 1);
      g_ptr_array_add (benefit->conditions, condition);
    }
}

static void
set_cap (Made   *made,
         gint64  cap)
{
  made->benefit->cap = cap;
  made->capped = TRUE;
}

/* The start of paragraph `n` in the squashed text. */
static gsize
paragraph_start (Reader *self,
                 guint   n)
{
  gsize i = 0;

  for (guint k = 0; k < n && self->s[i] != '\0'; i++)
    if (self->s[i] == '\n')
      k++;
  return i;
}

/* Does the paragraph start with an enumeration's number: （一） (1) 1. 1、 */
static gboolean
text_is_item (const char *p)
{
  if (g_str_has_prefix (p, "（") || *p == '(')
    {
      p = g_utf8_next_char (p);
      if (!g_ascii_isdigit (*p) && pn_draft_cn_number_len (p) == 0)
        return FALSE;
      p += g_ascii_isdigit (*p) ? strspn (p, "0123456789") : pn_draft_cn_number_len (p);
      return g_str_has_prefix (p, "）") || *p == ')';
    }
  if (g_ascii_isdigit (*p))
    {
      p += strspn (p, "0123456789");
      return *p == '.' || g_str_has_prefix (p, "、") || g_str_has_prefix (p, "．");
    }
  return FALSE;
}

static gboolean
paragraph_is_item (Reader *self,
                   guint   n)
{
  return text_is_item (self->s + paragraph_start (self, n));
}

/* "分别给予最高不超过500万元、1000万元、2000万元资助，资助金额不超过该阶段实际
 * 研发投入的50%": each award is at most 50% of the R&D, up to its amount.
 * Drafted as fixed amounts with a note, an innovative drug at Phase III
 * with ¥10,000,000 of R&D was shown "¥0 – ¥20,000,000" (the most is
 * ¥5,000,000).  The fixed awards of the sentence become that rate of the
 * figure, capped at their amounts, the rate a most (ceiling).  TRUE when
 * the limit is carried into them. */
static gboolean
limit_awards_by_rate (Reader *self,
                      Run    *run,
                      gsize   window)
{
  const char *s = self->s;
  Token *token = &g_array_index (self->tokens, Token, run->first);
  g_autoptr(GPtrArray) made = NULL;
  PnFigure base;
  guint converted = 0;

  if (run->n != 1 || token->rate <= 0 || token->rate > 1 ||
      span_has_any (s, window, token->start, (const char * const[]) { "合计", "总和", "总计", NULL }))
    return FALSE;
  base = find_base (s, window, token->start);
  if (base == PN_FIGURE_NONE)
    return FALSE;

  made = made_in_sentence (self, token->sentence, FALSE, FALSE);
  /* the awards of its own clause ("分别给予最高…，资助金额不超过…的40%"), else
   * of the clause before it ("…奖励；奖励金额不超过…的50%"): not an award of
   * another clause of the sentence ("临床前…给予200万元奖励；完成Ⅰ、Ⅱ、Ⅲ期…"
   * made the fixed ¥2,000,000 40% of the R&D) */
  {
    gboolean own = FALSE;

    for (guint i = 0; i < made->len && !own; i++)
      own = ((Made *) g_ptr_array_index (made, i))->clause == token->clause;
    for (guint i = 0; i < made->len; i++)
      {
        Made *one = g_ptr_array_index (made, i);

        if (own ? one->clause != token->clause : one->clause + 1 != token->clause)
          g_ptr_array_remove_index (made, i--);
      }
  }
  for (guint i = 0; i < made->len; i++)
    {
      PnBenefit *benefit = ((Made *) g_ptr_array_index (made, i))->benefit;

      if (benefit->kind != PN_BENEFIT_FIXED || benefit->amount == PN_YUAN_UNSET ||
          benefit->base != PN_FIGURE_NONE || benefit->rate >= 0)
        continue;
      benefit->kind = PN_BENEFIT_RATE;
      benefit->rate = token->rate;
      benefit->rate_ceiling = TRUE;
      benefit->base = base;
      benefit->cap = benefit->cap != PN_YUAN_UNSET ? MIN (benefit->cap, benefit->amount) : benefit->amount;
      benefit->amount = PN_YUAN_UNSET;
      g_ptr_array_add (benefit->notes,
                       pn_text_new ("原文另规定资助金额不超过该数额的一定比例：此处按该比例计算，并以原定金额为上限。",
                                    "The text also limits the award to a share of this figure: drafted as that "
                                    "share, at most the amount it states."));
      converted++;
    }
  if (converted == 0)
    return FALSE;
  add_figure (self, token, PN_DRAFT_FIGURE_RATE, NULL);
  return TRUE;
}

static void
annual_cap (Reader *self,
            Token  *token,
            gsize   window)
{
  PnAnnualCap *cap = pn_annual_cap_new ();
  const char *s = self->s;
  gsize cstart = clause_start (self, token->clause);
  g_autofree char *number = g_strdup (self->article->number);
  g_autofree char *quote = original_span (self, cstart, clause_end (self, token->clause));
  g_autofree char *amount = pn_money_format_yuan (token->yuan);
  g_autoptr(GPtrArray) in_sentence = made_in_sentence (self, token->sentence, FALSE, FALSE);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  guint paragraph = paragraph_of (self, token->start);
  gboolean per_institution = span_has_any (s, last_comma (self, token->clause, token->start, cstart), token->start,
                                           (const char * const[]) { "每家机构", "单个机构", "每个机构",
                                                                    "每家医疗机构", "每个医疗机构", "单个医疗机构",
                                                                    NULL });

  /* "…给予200万元一次性奖励；对新备案的…机构，每新增一个专业给予20万元奖励，
   * 每家机构每年不超过100万元": an institution's cap is its clause's awards',
   * when it has any.  "…；对…改良型新药…，每个单位每年支持额度不超过1亿元"
   * caps the sentence's: a unit is any applicant. */
  for (guint i = 0; per_institution && i < in_sentence->len; i++)
    if (((Made *) g_ptr_array_index (in_sentence, i))->clause == token->clause)
      g_ptr_array_add (targets, g_ptr_array_index (in_sentence, i));
  if (targets->len == 0)
    g_ptr_array_extend (targets, in_sentence, NULL, NULL);

  for (char *p = number; *p != '\0'; p++)
    if (*p == '.')
      *p = '-';

  cap->id = g_strdup_printf ("%s/caps/article-%s-%u", self->document->id, number, ++self->n_caps);
  cap->amount = token->yuan;
  cap->per = g_strdup (span_has (s, cstart, token->start, "医疗机构") ||
                       span_has (s, cstart, token->start, "每个机构") ||
                       span_has (s, cstart, token->start, "每家机构") ||
                       span_has (s, cstart, token->start, "单个机构") ? "institution" :
                       span_has (s, cstart, token->start, "项目") ? "project" : "enterprise");
  cap->article = g_strdup (self->article->number);
  cap->text.zh = g_strdup (quote);
  cap->text.en = g_strdup_printf ("Drafted: at most %s per %s%s (see the Chinese)", amount, cap->per,
                                  span_has (s, window, token->start, "每年") ||
                                  span_has (s, window, token->start, "年度") ? " a year" : "");
  g_ptr_array_add (self->document->annual_caps, cap);

  /* the benefits of its sentence, else those of its paragraph since the
   * last annual cap ("单个企业享受上述政策每年…") */
  if (targets->len == 0)
    {
      /* back over the enumerated items before it ("（一）…；（二）…") to
       * the sentence that leads them in */
      guint first = paragraph > 0 ? paragraph - 1 : 0;
      /* "同一企业每年获得本项资助累计不超过1亿元" after a table of caps by
       * class and stage (a sentence a row): every award of the item since
       * the last yearly cap, not the last row's alone */
      gboolean whole_item = span_has_any (s, cstart, token->start,
                                          (const char * const[]) { "本项", "本条", "本款", "上述", NULL });

      while (first > 0 && paragraph_is_item (self, first))
        first--;
      if (whole_item)
        first = 0;
      for (guint i = self->annual_from; i < self->made->len; i++)
        {
          Made *made = g_ptr_array_index (self->made, i);

          if (made->paragraph >= first && made->paragraph <= paragraph)
            g_ptr_array_add (targets, made);
        }
    }

  for (guint i = 0; i < targets->len; i++)
    {
      PnBenefit *benefit = ((Made *) g_ptr_array_index (targets, i))->benefit;
      guint n = benefit->annual_caps ? g_strv_length (benefit->annual_caps) : 0;

      benefit->annual_caps = g_renew (char *, benefit->annual_caps, n + 2);
      benefit->annual_caps[n] = g_strdup (cap->id);
      benefit->annual_caps[n + 1] = NULL;
    }
  self->annual_from = self->made->len;
}

/* The last 对 (凡) of the clause before `pos`, which names the subject of
 * the award; "对应", "对接" are no such 对.  `pos` itself when none. */
static gsize
subject_start (Reader *self,
               guint   clause,
               gsize   pos)
{
  const char *s = self->s;
  gsize found = pos;

  for (gsize p = clause_start (self, clause); p < pos; p += char_len (s + p))
    if ((at (s, p, "对") && !at (s, p, "对应") && !at (s, p, "对接") && !at (s, p, "对外") &&
         !at (s, p, "对标") && !at (s, p, "对比") && !at (s, p, "对其")) || at (s, p, "凡"))
      found = p;
  return found;
}

/* The text a sentence's conditions are read from: its subject (对…), or
 * back to the start of the sentence when the clause names none. */
static gsize
context_start (Reader *self,
               Token  *token)
{
  gsize subject = subject_start (self, token->clause, token->start);
  gsize sstart = sentence_start (self, token->sentence);

  /* "…给予每个产品200万元。其中属于国家创新医疗器械的，给予500万元": a
   * part of the sentence before's applicants, read with its subject */
  if (subject >= token->start && token->sentence > 0 && at (self->s, sstart, "其中") &&
      sentence_end (self, token->sentence - 1) + strlen ("。") >= sstart)
    {
      gsize before = sentence_start (self, token->sentence - 1);
      gsize found = before;

      for (gsize p = before; p < sstart; p += char_len (self->s + p))
        if (at (self->s, p, "对") && !at (self->s, p, "对应"))
          {
            found = p;
            break;
          }
      return found;
    }

  if (subject < token->start)
    {
      /* "对通过一致性评价的仿制药品种，…；对国内首家通过的，给予500万元":
       * a subject that only ranks goes on with the clause's before it */
      g_auto(Vocab) own = { { NULL } };
      g_autofree char *text = span_dup (self->s, subject, token->start);

      detect (text, &own);
      if (own.values[PN_QUESTION_RANK] != NULL && own.values[PN_QUESTION_PRODUCT] == NULL &&
          own.values[PN_QUESTION_PHASE] == NULL && own.values[PN_QUESTION_ENTITY] == NULL &&
          token->clause > 0 && clause_start (self, token->clause - 1) >= sstart)
        {
          gsize before = subject_start (self, token->clause - 1, clause_end (self, token->clause - 1));

          if (before < clause_end (self, token->clause - 1))
            return before;
        }
      return subject;
    }

  /* "对…的创新药，按下列标准给予奖励：（一）完成Ⅰ期…给予200万元": an item
   * is read with the sentence that leads the list in */
  if (text_is_item (self->s + sstart))
    {
      const char *colon = pn_draft_rfind (self->s, self->s + sstart, "：");

      if (colon != NULL)
        {
          const char *lead = colon;

          while (lead > self->s)
            {
              const char *prev = g_utf8_find_prev_char (self->s, lead);

              if (prev == NULL || g_str_has_prefix (prev, "。") || *prev == '\n')
                break;
              lead = prev;
            }
          return lead - self->s;
        }
    }

  return sstart;
}

/* "…的，资助标准提高至每个注册证最高500万元": instead of the award before
 * it, not on top of it; the reviewer keeps one. */
/* The rate "提高至10%" names in [from, to), or 0 */
static double
raised_rate (Reader *self,
             gsize   from,
             gsize   to)
{
  double rate = 0;

  for (guint i = 0; i < self->tokens->len; i++)
    {
      Token *token = &g_array_index (self->tokens, Token, i);

      if (token->kind == TOKEN_RATE && token->start >= from && token->end <= to &&
          span_ends_with_any (self->s, back (self->s, token->start, 4, from), token->start,
                              (const char * const[]) { "提高至", "提高到", "提升至", "调整为", "提高为", NULL }))
        rate = token->rate;
    }
  return rate;
}

/* A higher standard for some of the applicants of the award `lower`
 * ("提高至", "其中属于…的，给予500万元"): drafted as a top-up of it to its own
 * standard, so that an applicant who meets both gets this one's amount,
 * not both added (a reviewer who only marks both reviewed counted ¥7,000,000
 * for a ¥5,000,000 award).  FALSE, and nothing changed, when the two are
 * not of a kind to top up. */
/* Whether `higher` asks what `lower` asks and more: each of lower's
 * conditions holds in higher with the same values or fewer, and higher
 * asks something more (a condition, fewer values, a requirement).  A
 * part's award tops up only the award of the whole it is a part of: not
 * one of another class, nor one it cannot be told apart from. */
static gboolean
extends_conditions (PnBenefit *higher,
                    PnBenefit *lower)
{
  gboolean more = higher->requirements->len > lower->requirements->len;

  for (guint i = 0; i < lower->conditions->len; i++)
    {
      const PnCondition *theirs = g_ptr_array_index (lower->conditions, i);
      const PnCondition *ours = pn_benefit_find_condition (higher, theirs->question);

      if (ours == NULL)
        return FALSE;
      for (guint v = 0; ours->values[v] != NULL; v++)
        if (!g_strv_contains ((const char * const *) theirs->values, ours->values[v]))
          return FALSE;
      if (g_strv_length (ours->values) < g_strv_length (theirs->values))
        more = TRUE;
    }
  for (guint i = 0; i < higher->conditions->len; i++)
    if (pn_benefit_find_condition (lower, ((PnCondition *) g_ptr_array_index (higher->conditions, i))->question) == NULL)
      more = TRUE;
  /* "其中设备投资额在5000万元以上的重点项目" over "500万元以上": a higher bar */
  for (guint i = 0; i < higher->thresholds->len; i++)
    {
      const PnThreshold *ours = g_ptr_array_index (higher->thresholds, i);
      gboolean found = FALSE;

      for (guint j = 0; j < lower->thresholds->len; j++)
        {
          const PnThreshold *theirs = g_ptr_array_index (lower->thresholds, j);

          if (theirs->figure != ours->figure)
            continue;
          found = TRUE;
          if (ours->min > theirs->min)
            more = TRUE;
        }
      if (!found)
        more = TRUE;
    }
  return more;
}

static gboolean make_top_up (PnBenefit *higher,
                             PnBenefit *lower);

gboolean
pn_draft_make_top_up (PnBenefit *higher,
                      PnBenefit *lower)
{
  return make_top_up (higher, lower);
}

static gboolean make_top_up_of (PnBenefit *higher,
                                PnBenefit *lower,
                                gboolean   of_top_up);

static gboolean
make_top_up (PnBenefit *higher,
             PnBenefit *lower)
{
  return make_top_up_of (higher, lower, FALSE);
}

/* …and `lower` may be a fixed top-up itself (a tier above a tier) */
static gboolean
make_top_up_of (PnBenefit *higher,
                PnBenefit *lower,
                gboolean   of_top_up)
{
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  gboolean lower_fixed = lower->kind == PN_BENEFIT_FIXED ||
                         (of_top_up && lower->kind == PN_BENEFIT_TOP_UP && lower->rate < 0 &&
                          lower->amount != PN_YUAN_UNSET);

  if (!extends_conditions (higher, lower))
    return FALSE;
  if ((higher->kind != PN_BENEFIT_FIXED && higher->kind != PN_BENEFIT_RATE) ||
      (!lower_fixed && lower->kind != PN_BENEFIT_RATE) ||
      higher->tops_up != NULL || higher->stages != NULL || lower->stages != NULL ||
      (higher->kind == PN_BENEFIT_FIXED && lower_fixed && higher->amount <= lower->amount))
    return FALSE;

  higher->kind = PN_BENEFIT_TOP_UP;
  higher->tops_up = g_new0 (char *, 2);
  higher->tops_up[0] = g_strdup (lower->id);
  zh = g_strdup_printf ("本项为前一项（%s）对部分申请人的更高标准，取代而非另加：按“补足”起草，两项合计为本项的标准。"
                        "审核时请核对适用的申请人。", lower->id);
  en = g_strdup_printf ("A higher standard of the award before it (%s) for some of its applicants, instead of "
                        "it, not on top of it: drafted as topping that award up to this one's standard, so "
                        "together they give this one's. Check whom it applies to.", lower->id);
  g_ptr_array_add (higher->notes, pn_text_new (zh, en));
  return TRUE;
}

/* A second drafted benefit like `from`, of id `id`, in its article */
static PnBenefit *
benefit_twin (PnBenefit  *from,
              const char *id)
{
  PnBenefit *twin = pn_article_add_benefit (from->article);

  twin->id = g_strdup (id);
  twin->kind = from->kind;
  twin->per = g_strdup (from->per);
  twin->one_time = from->one_time;
  twin->title.zh = g_strdup (from->title.zh);
  twin->title.en = g_strdup (from->title.en);
  twin->rate = from->rate;
  twin->rate_ceiling = from->rate_ceiling;
  twin->base = from->base;
  twin->amount = from->amount;
  twin->cap = from->cap;
  twin->combined_limit = from->combined_limit;
  twin->reviewed = from->reviewed;
  twin->annual_caps = g_strdupv (from->annual_caps);
  for (guint i = 0; i < from->thresholds->len; i++)
    g_ptr_array_add (twin->thresholds, g_memdup2 (g_ptr_array_index (from->thresholds, i), sizeof (PnThreshold)));
  for (guint i = 0; i < from->conditions->len; i++)
    g_ptr_array_add (twin->conditions, condition_copy (g_ptr_array_index (from->conditions, i)));
  for (guint i = 0; i < from->requirements->len; i++)
    {
      const PnRequirement *theirs = g_ptr_array_index (from->requirements, i);
      PnRequirement *ours = pn_requirement_new ();

      ours->id = g_strdup (theirs->id);
      ours->text.zh = g_strdup (theirs->text.zh);
      ours->text.en = g_strdup (theirs->text.en);
      ours->attestation = theirs->attestation;
      g_ptr_array_add (twin->requirements, ours);
    }
  for (guint i = 0; i < from->notes->len; i++)
    {
      const PnText *note = g_ptr_array_index (from->notes, i);

      g_ptr_array_add (twin->notes, pn_text_new (note->zh, note->en));
    }
  for (guint i = 0; i < from->units->len; i++)
    {
      const PnUnitRef *unit = g_ptr_array_index (from->units, i);

      g_ptr_array_add (twin->units, pn_unit_ref_new (unit->id, unit->role));
    }
  return twin;
}

/* The one question `lower` answers with one value that `higher` leaves
 * open (does not ask, or accepts that value and others), when asking it
 * as `lower` does would make higher a part of lower; else -1 */
static int
missing_question (PnBenefit *higher,
                  PnBenefit *lower)
{
  int missing = -1;

  for (guint i = 0; i < lower->conditions->len; i++)
    {
      const PnCondition *theirs = g_ptr_array_index (lower->conditions, i);
      const PnCondition *ours = pn_benefit_find_condition (higher, theirs->question);
      gboolean within = ours != NULL;

      for (guint v = 0; ours != NULL && ours->values[v] != NULL; v++)
        within = within && g_strv_contains ((const char * const *) theirs->values, ours->values[v]);
      if (within)
        continue;
      if (missing >= 0 || theirs->values[0] == NULL || theirs->values[1] != NULL ||
          (ours != NULL && !g_strv_contains ((const char * const *) ours->values, theirs->values[0])))
        return -1;
      missing = theirs->question;
    }
  return missing;
}

/* make_top_up () of `higher` over the last award before it, in its
 * sentence or the one before, that it is a part of; else of each award
 * of a part it leaves open (below) */
static gboolean
top_up_before (Reader *self,
               Made   *higher)
{
  g_autoptr(GPtrArray) lowers = g_ptr_array_new ();
  int split = -1;

  for (guint i = self->made->len; i > 0; i--)
    {
      Made *made = g_ptr_array_index (self->made, i - 1);

      if (made == higher || made->position >= higher->position)
        continue;
      if (made->sentence + 1 < higher->sentence)
        break;
      if (make_top_up (higher->benefit, made->benefit))
        return TRUE;
    }

  /* "对首次取得第二类、第三类医疗器械注册证的产品，分别给予每个产品50万元、
   * 200万元奖励；对通过…的，奖励标准提高至500万元": what every award it may
   * raise asks alike (registered), the raise asks too; it was an award of
   * its own for a device not yet registered */
  {
    g_autoptr(GPtrArray) alike = g_ptr_array_new ();

    for (guint i = 0; i < self->made->len; i++)
      {
        Made *made = g_ptr_array_index (self->made, i);

        if (made == higher || made->position >= higher->position || made->sentence + 1 < higher->sentence ||
            made->replaces || (made->benefit->kind != PN_BENEFIT_FIXED && made->benefit->kind != PN_BENEFIT_RATE))
          continue;
        g_ptr_array_add (alike, made->benefit);
      }
    for (guint c = 0; alike->len >= 2 && c < ((PnBenefit *) g_ptr_array_index (alike, 0))->conditions->len; c++)
      {
        const PnCondition *first = g_ptr_array_index (((PnBenefit *) g_ptr_array_index (alike, 0))->conditions, c);
        gboolean shared = first->values[0] != NULL && first->values[1] == NULL &&
                          pn_benefit_find_condition (higher->benefit, first->question) == NULL;

        for (guint l = 1; shared && l < alike->len; l++)
          {
            const PnCondition *theirs = pn_benefit_find_condition (g_ptr_array_index (alike, l), first->question);

            shared = theirs != NULL && theirs->values[0] != NULL && theirs->values[1] == NULL &&
                     g_str_equal (theirs->values[0], first->values[0]);
          }
        if (shared)
          g_ptr_array_add (higher->benefit->conditions, condition_copy (first));
      }
  }

  /* "分别给予第二类50万元、第三类200万元；对通过国家创新医疗器械特别审查程序的，
   * 奖励标准提高至500万元": a part of either class, which the part does not
   * name: a top-up of each, the class its own (it was added to both) */
  for (guint i = 0; i < self->made->len; i++)
    {
      Made *made = g_ptr_array_index (self->made, i);
      int question;

      if (made == higher || made->position >= higher->position || made->sentence + 1 < higher->sentence ||
          made->replaces || (made->benefit->kind != PN_BENEFIT_FIXED && made->benefit->kind != PN_BENEFIT_RATE))
        continue;
      question = missing_question (higher->benefit, made->benefit);
      if (question < 0 || (split >= 0 && question != split))
        continue;
      split = question;
      g_ptr_array_add (lowers, made);
    }
  if (lowers->len < 2)
    return FALSE;

  {
    PnBenefit *original = higher->benefit;
    g_autoptr(GPtrArray) targets = g_ptr_array_new ();
    gboolean any = FALSE;

    /* the twins first, from the benefit as it stands */
    g_ptr_array_add (targets, original);
    for (guint l = 1; l < lowers->len; l++)
      {
        const PnCondition *theirs = pn_benefit_find_condition (((Made *) g_ptr_array_index (lowers, l))->benefit,
                                                               split);
        g_autofree char *id = g_strdup_printf ("%s-%s", original->id, theirs->values[0]);

        Made *twin = g_memdup2 (higher, sizeof (Made));

        /* made too, so that it is described (its English title) */
        twin->benefit = benefit_twin (original, id);
        twin->replaces = FALSE;
        twin->replaces_lower = NULL;
        twin->if_not = 0;
        g_ptr_array_add (self->made, twin);
        g_ptr_array_add (targets, twin->benefit);
      }
    for (guint l = 0; l < lowers->len; l++)
      {
        PnBenefit *lower = ((Made *) g_ptr_array_index (lowers, l))->benefit;
        PnBenefit *target = g_ptr_array_index (targets, l);

        for (guint c = target->conditions->len; c > 0; c--)
          if (((PnCondition *) g_ptr_array_index (target->conditions, c - 1))->question == (PnQuestion) split)
            g_ptr_array_remove_index (target->conditions, c - 1);
        g_ptr_array_add (target->conditions, condition_copy (pn_benefit_find_condition (lower, split)));
        any = make_top_up (target, lower) || any;
      }
    return any;
  }
}

/* "其中属于人工智能医疗器械的，给予80万元": what makes the part a part, when
 * no question asks it, is a requirement of its award (else it applied to
 * the whole) */
static void
require_part (Reader    *self,
              PnBenefit *benefit,
              gsize      start,
              gsize      end)
{
  const char *s = self->s;
  g_autofree char *part = NULL;
  g_auto(Vocab) own = { { NULL } };
  gsize from = start;
  gsize to = end;

  if (at (s, from, "其中"))
    from += strlen ("其中");
  if (at (s, from, "，") || at (s, from, "、"))
    from += strlen ("，");
  /* up to "…的，" */
  {
    const char *de = pn_draft_rfind (s + from, s + to, "的");

    if (de != NULL)
      to = de - s;
  }
  if (to <= from)
    return;
  part = span_dup (s, from, to);
  /* "其中设备投资额在5000万元以上的": a figure, which a threshold reads */
  for (const char *p = part; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return;
  if (strstr (part, "万元") != NULL || strstr (part, "亿元") != NULL)
    return;
  detect (part, &own);
  for (guint q = 0; q < PN_N_QUESTIONS; q++)
    if (own.values[q] != NULL && own.values[q]->len > 0 && q != PN_QUESTION_PRODUCT &&
        pn_benefit_find_condition (benefit, q) != NULL)
      return;   /* a condition says it already */
  if (pn_draft_count_cjk (part) < 2)
    return;
  pn_draft_require_part (benefit, part);
}

void
pn_draft_require_part (PnBenefit  *benefit,
                       const char *part)
{
  PnRequirement *requirement;

  for (guint r = 0; r < benefit->requirements->len; r++)
    if (g_str_equal (((PnRequirement *) g_ptr_array_index (benefit->requirements, r))->id, "drafted-part"))
      return;
  requirement = pn_requirement_new ();
  requirement->id = g_strdup ("drafted-part");
  requirement->text.zh = g_strdup (part);
  requirement->text.en = g_strdup_printf ("The applicant is as the text says: “%s” (drafted; translate and check)",
                                          part);
  g_ptr_array_add (benefit->requirements, requirement);
}

static Made *
made_of (Reader    *self,
         PnBenefit *benefit)
{
  for (guint i = self->made->len; i > 0; i--)
    if (((Made *) g_ptr_array_index (self->made, i - 1))->benefit == benefit)
      return g_ptr_array_index (self->made, i - 1);
  return NULL;
}

static void
add_raised_note (PnBenefit *benefit)
{
  g_ptr_array_add (benefit->notes,
                   pn_text_new ("原文为“提高至”：本项取代前一项的标准，而非另加一项；"
                                "审核时请只保留适用的一项，或将两项置于同一重叠组。",
                                "The text raises the standard of the award before it (提高至): this one "
                                "replaces it, it does not add to it; keep the one that applies, or put "
                                "both in one overlap group."));
}

static void
note_raised (Reader    *self,
             PnBenefit *benefit,
             gsize      from,
             gsize      to)
{
  Made *made;

  if (!span_has_any (self->s, from, to, (const char * const[]) { "提高至", "提高到", "提升至", NULL }))
    return;
  made = made_of (self, benefit);
  /* "其中列入省重点项目的，补助比例提高至10%": the part's own mark */
  if (made != NULL && at (self->s, clause_start (self, made->clause), "其中"))
    require_part (self, benefit, clause_start (self, made->clause), to);
  if (made != NULL)
    {
      made->replaces = TRUE;
      made->if_not = 1;
      return;
    }
  add_raised_note (benefit);
}


/* ---- awards stated relative to others ---- */

typedef enum
{
  RELATIVE_NONE,
  RELATIVE_RAISE,   /* "其中属于国家创新医疗器械的，奖励标准上浮50%" */
  RELATIVE_SHARE,   /* "对2类改良型新药…的，按照前款标准的50%给予奖励" */
} RelativeForm;

/* Where the segment of the sentence a figure is in begins: after the last
 * "；" before it, else the sentence's start */
static gsize
segment_start (Reader      *self,
               const Token *token)
{
  gsize floor = sentence_start (self, token->sentence);
  const char *semicolon = pn_draft_rfind (self->s + floor, self->s + token->start, "；");

  return semicolon != NULL ? (gsize) (semicolon - self->s) + strlen ("；") : floor;
}

/* The form of a rate that changes another award's standard, where the
 * words that say so begin (`out_phrase`: "奖励标准上浮", "按照前款标准的")
 * and, for a share, the standard it names ("前款", "1类创新药") */
static RelativeForm
relative_form (Reader       *self,
               const Token  *token,
               gsize        *out_phrase,
               char        **out_named)
{
  const char *s = self->s;
  gsize floor = segment_start (self, token);
  gsize near = back (s, token->start, 2, floor);

  *out_named = NULL;
  if (span_ends_with_any (s, near, token->start, (const char * const[]) { "上浮", "上调", "提高", "增加", NULL }) &&
      span_ends_with_any (s, floor, near, (const char * const[]) { "标准", "金额", "额度", NULL }))
    {
      gsize word = back (s, near, 2, floor);

      /* and the award's noun before it: "奖励标准" */
      if (span_ends_with_any (s, floor, word, (const char * const[]) { "奖励", "支持", "资助", "补助", "补贴", "奖补", NULL }))
        word = back (s, word, 2, floor);
      *out_phrase = word;
      return RELATIVE_RAISE;
    }
  if (span_ends_with_any (s, floor, token->start, (const char * const[]) { "标准的", NULL }) ||
      (at (s, token->start, "减半") && span_ends_with_any (s, floor, token->start, (const char * const[]) { "标准", NULL })))
    {
      gsize named_end = back (s, token->start, at (s, token->start, "减半") ? 2 : 3, floor);
      gsize phrase = clause_start (self, token->clause);
      gsize named_start;
      static const char * const by[] = { "按照", "参照", "按", NULL };

      phrase = MAX (phrase, floor);
      named_start = phrase;
      for (guint i = 0; by[i] != NULL; i++)
        {
          const char *hit = pn_draft_rfind (s + phrase, s + named_end, by[i]);

          if (hit != NULL)
            {
              phrase = hit - s;
              named_start = phrase + strlen (by[i]);
              break;
            }
        }
      if (named_end <= named_start)
        return RELATIVE_NONE;
      *out_phrase = phrase;
      *out_named = span_dup (s, named_start, named_end);
      return RELATIVE_SHARE;
    }
  return RELATIVE_NONE;
}

static gboolean
values_meet (const PnCondition *condition,
             GPtrArray         *values)
{
  for (guint v = 0; v < values->len; v++)
    if (g_strv_contains ((const char * const *) condition->values, g_ptr_array_index (values, v)))
      return TRUE;
  return FALSE;
}

/* Whether every award of `lowers` asks `question` with the one same value */
static gboolean
shared_by_all (GPtrArray  *lowers,
               PnQuestion  question)
{
  const char *value = NULL;

  for (guint i = 0; i < lowers->len; i++)
    {
      const PnCondition *theirs = pn_benefit_find_condition (((Made *) g_ptr_array_index (lowers, i))->benefit,
                                                             question);

      if (theirs == NULL || theirs->values[0] == NULL || theirs->values[1] != NULL ||
          (value != NULL && !g_str_equal (value, theirs->values[0])))
        return FALSE;
      value = theirs->values[0];
    }
  return value != NULL;
}

static void
set_condition (PnBenefit  *benefit,
               PnQuestion  question,
               GPtrArray  *values)
{
  g_auto(Vocab) one = { { NULL } };

  for (guint c = benefit->conditions->len; c > 0; c--)
    if (((PnCondition *) g_ptr_array_index (benefit->conditions, c - 1))->question == question)
      g_ptr_array_remove_index (benefit->conditions, c - 1);
  for (guint v = 0; v < values->len; v++)
    vocab_add (&one, question, g_ptr_array_index (values, v));
  set_conditions (benefit, &one);
}

static char *
percent_of (double rate)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.4g", rate * 100);
  return g_strconcat (buffer, "%", NULL);
}

/* One award of `lower`'s made relative to it: `factor` times its standard
 * (its amount, or its rate and cap: min (r·x, c)·k is min (k·r·x, k·c)),
 * for the subject `subject` names */
static Made *
relative_twin (Reader       *self,
               Made         *lower,
               const Token  *token,
               RelativeForm  form,
               Vocab        *subject,
               const char   *subject_text,
               const char   *phrase)
{
  PnBenefit *from = lower->benefit;
  double factor = form == RELATIVE_RAISE ? 1.0 + token->rate : token->rate;
  g_autofree char *pct = percent_of (token->rate);
  g_autofree char *core = NULL;
  g_auto(Vocab) own = { { NULL } };
  g_autofree char *slug = NULL;
  PnBenefit *twin;
  Made *made;
  gboolean narrowed = FALSE;

  twin = benefit_twin (from, from->id);
  if (from->stages != NULL)
    {
      twin->stages = g_array_copy (from->stages);
      twin->stages_over = g_strdup (from->stages_over);
    }
  if (from->kind == PN_BENEFIT_FIXED)
    twin->amount = (gint64) llround ((double) from->amount * factor);
  else
    twin->rate = from->rate * factor;
  /* "最高300万元" of a fixed award is its cap too */
  if (from->cap != PN_YUAN_UNSET)
    twin->cap = (gint64) llround ((double) from->cap * factor);

  for (guint q = 0; q < PN_N_QUESTIONS; q++)
    {
      GPtrArray *values = subject->values[q];
      const PnCondition *theirs = pn_benefit_find_condition (from, q);

      if (values == NULL || values->len == 0)
        continue;
      if (form == RELATIVE_RAISE && theirs != NULL)
        continue;   /* it asks it already, as the part does */
      set_condition (twin, q, values);
      narrowed = narrowed || theirs == NULL;
    }

  /* what the part is, when no question asks it: a requirement */
  if (form == RELATIVE_RAISE && !narrowed)
    pn_draft_require_part (twin, subject_text);

  {
    const char *text = subject_text;

    /* "其中属于国家创新医疗器械的" → "国家创新医疗器械" */
    if (g_str_has_prefix (text, "其中"))
      text += strlen ("其中");
    if (g_str_has_prefix (text, "属于"))
      text += strlen ("属于");
    core = subject_core (text, 0, strlen (text));
  }
  g_clear_pointer (&twin->title.zh, g_free);
  if (form == RELATIVE_RAISE)
    twin->title.zh = *core != '\0' ? g_strdup_printf ("%s（%s，%s）", from->title.zh, core, phrase)
                                   : g_strdup_printf ("%s（%s）", from->title.zh, phrase);
  else
    twin->title.zh = g_strdup_printf ("%s%s（%s）", core, award_noun (self->s, token->end, clause_end (self, token->clause)),
                                      phrase);

  /* an id of its own in the article */
  for (guint c = 0; c < twin->conditions->len; c++)
    {
      const PnCondition *condition = g_ptr_array_index (twin->conditions, c);

      for (guint v = 0; condition->values[v] != NULL; v++)
        vocab_add (&own, condition->question, condition->values[v]);
    }
  if (form == RELATIVE_SHARE)
    slug = slug_for (self, &own, self->article->benefits->len);
  else
    {
      /* the raised award's, marked */
      const char *slash = strrchr (from->id, '/');
      g_autofree char *raised = g_strconcat (slash != NULL ? slash + 1 : from->id, "-raised", NULL);

      slug = g_strdup (raised);
      for (guint k = 2; g_hash_table_contains (self->slugs, slug); k++)
        {
          g_free (slug);
          slug = g_strdup_printf ("%s-%u", raised, k);
        }
      g_hash_table_add (self->slugs, g_strdup (slug));
    }
  g_free (twin->id);
  twin->id = g_strdup_printf ("%s/%s/%s", self->document->id, self->article->number, slug);

  if (form == RELATIVE_RAISE)
    {
      g_autofree char *zh = g_strdup_printf ("原文“%s%s”：按前一项（%s）的标准上浮%s起草，为其补足：两项合计为上浮后的标准，而非另加。"
                                             "审核时请核对适用的申请人。", subject_text, phrase, from->id, pct);
      g_autofree char *en = g_strdup_printf ("The text raises the standard of the award before (%s) by %s for some "
                                             "of its applicants: drafted as topping that award up to the raised "
                                             "standard, so together they give the raised one, not both added. "
                                             "Check whom it applies to.", from->id, pct);

      twin->kind = PN_BENEFIT_TOP_UP;
      twin->tops_up = g_new0 (char *, 2);
      twin->tops_up[0] = g_strdup (from->id);
      g_ptr_array_add (twin->notes, pn_text_new (zh, en));
    }
  else
    {
      g_autofree char *zh = g_strdup_printf ("原文“%s”：按%s（%s）的标准的%s起草。审核时请核对所指的标准。",
                                             phrase, from->title.zh, from->id, pct);
      g_autofree char *en = g_strdup_printf ("The text gives %s of another award's standard: drafted as %s of "
                                             "that of %s. Check which standard it means.", pct, pct, from->id);

      g_ptr_array_add (twin->notes, pn_text_new (zh, en));
    }

  made = g_new0 (Made, 1);
  made->benefit = twin;
  made->sentence = token->sentence;
  made->clause = token->clause;
  made->paragraph = paragraph_of (self, token->start);
  made->position = token->start;
  made->relative = TRUE;
  g_ptr_array_add (self->made, made);
  return made;
}

/* "其中属于国家创新医疗器械的，奖励标准上浮50%" and "对2类改良型新药完成Ⅲ期
 * 临床试验的，按照前款标准的50%给予奖励": awards the text states as another
 * award's standard changed, drafted from that award (they were notes, and
 * a careless review lost ¥1,500,000 and ¥4,000,000).  The awards of the
 * sentence before the figure, else of the sentence before, that the
 * figure's subject may mean: a raise is a part of them (their conditions
 * and its own), made a top-up of each; a share is of the award whose
 * conditions the subject does not contradict, but for what every such
 * award asks alike (the subject it replaces: 1类创新药 → 2类改良型新药). */
/* The sentence and the clause of a token made after split_sentences ()
 * (a figure the words give: 减半, 1.5倍) */
static void
locate_token (Reader *self,
              Token  *token)
{
  for (guint i = 0; i + 1 < self->sentences->len; i += 2)
    if (token->start >= g_array_index (self->sentences, gsize, i) &&
        token->start <= g_array_index (self->sentences, gsize, i + 1))
      token->sentence = i / 2;
  for (guint i = 0; i + 1 < self->clauses->len; i += 2)
    if (token->start >= g_array_index (self->clauses, gsize, i) &&
        token->start <= g_array_index (self->clauses, gsize, i + 1))
      token->clause = i / 2;
}

static void
relative_awards (Reader *self)
{
  g_autoptr(GArray) halves = g_array_new (FALSE, TRUE, sizeof (Token));
  guint n_halves;

  /* "按照1类创新药标准减半给予奖励": a share of 50 % with no figure */
  for (const char *p = strstr (self->s, "标准减半"); p != NULL; p = strstr (p + 1, "标准减半"))
    {
      Token half = { 0, };
      gsize position = (p - self->s) + strlen ("标准");

      half.kind = TOKEN_RATE;
      half.rate = 0.5;
      half.start = position;
      half.end = position + strlen ("减半");
      locate_token (self, &half);
      g_array_append_val (halves, half);
    }

  /* "奖励标准提高至前述标准的1.5倍", "奖励标准翻倍": a raise with no rate, its
   * words from where they begin (`times`: those of `halves` past its
   * first `n_halves`) */
  {
    static GRegex *times;
    g_autoptr(GMatchInfo) match = NULL;

    if (g_once_init_enter (&times))
      g_once_init_leave (&times, g_regex_new ("(奖励|支持|资助|补助|补贴)?标准(提高至|提高到|调整为)"
                                              "(前述|上述|前款|原|该)?(标准)?的?([0-9]+(\\.[0-9]+)?)倍"
                                              "|(奖励|支持|资助|补助|补贴)?标准翻倍",
                                              0, 0, NULL));
    n_halves = halves->len;
    g_regex_match (times, self->s, 0, &match);
    while (g_match_info_matches (match))
      {
        Token raise = { 0, };
        int from, to;
        g_autofree char *figure = g_match_info_fetch (match, 5);
        double factor = figure != NULL && *figure != '\0' ? g_ascii_strtod (figure, NULL) : 2.0;

        g_match_info_fetch_pos (match, 0, &from, &to);
        if (factor > 1.0 && factor <= 10.0)
          {
            raise.kind = TOKEN_RATE;
            raise.rate = factor - 1.0;
            raise.start = from;
            raise.end = to;
            locate_token (self, &raise);
            g_array_append_val (halves, raise);
          }
        g_match_info_next (match, NULL);
      }
  }

  for (guint r = 0; r < self->relative_at->len + halves->len; r++)
    {
      Token *token = r < self->relative_at->len
                     ? &g_array_index (self->tokens, Token, g_array_index (self->relative_at, guint, r))
                     : &g_array_index (halves, Token, r - self->relative_at->len);
      gboolean raised_times = r >= self->relative_at->len + n_halves;
      g_autofree char *named = NULL;
      g_autofree char *subject_text = NULL;
      g_autofree char *phrase = NULL;
      g_auto(Vocab) subject = { { NULL } };
      g_auto(Vocab) naming = { { NULL } };
      g_autoptr(GPtrArray) lowers = g_ptr_array_new ();
      g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
      gsize phrase_start = 0;
      RelativeForm form;
      gboolean any = FALSE;

      if (token->rate <= 0 || token->rate > 10)
        continue;
      if (raised_times)
        {
          form = RELATIVE_RAISE;
          phrase_start = token->start;
        }
      else
        form = relative_form (self, token, &phrase_start, &named);
      if (form == RELATIVE_NONE)
        continue;
      if (form == RELATIVE_SHARE)
        {
          detect (named, &naming);
          /* "前款标准的50%", or a standard named by its subject */
          if (!span_has_any (named, 0, strlen (named),
                             (const char * const[]) { "前款", "上款", "前项", "上项", "上述", "前述", "上一款",
                                                      "上一项", "前一项", "该项", "上条", "前条", NULL }))
            {
              gboolean names = FALSE;

              for (guint q = 0; q < PN_N_QUESTIONS && !names; q++)
                names = naming.values[q] != NULL && naming.values[q]->len > 0;
              if (!names)
                continue;
            }
        }
      subject_text = span_dup (self->s, segment_start (self, token), phrase_start);
      phrase = span_dup (self->s, phrase_start, token->end);
      detect (subject_text, &subject);

      /* the awards it may change: of its sentence before it, else of the
       * sentence before */
      for (guint pass = 0; pass < 2 && lowers->len == 0; pass++)
        for (guint i = 0; i < self->made->len; i++)
          {
            Made *made = g_ptr_array_index (self->made, i);
            PnBenefit *benefit = made->benefit;

            if (made->relative || made->replaces || made->position >= token->start ||
                made->sentence + pass != token->sentence || benefit->tops_up != NULL ||
                !((benefit->kind == PN_BENEFIT_FIXED && benefit->amount != PN_YUAN_UNSET && benefit->amount > 0) ||
                  (benefit->kind == PN_BENEFIT_RATE && benefit->rate > 0)))
              continue;
            g_ptr_array_add (lowers, made);
          }

      /* the standard it names: "按照1类创新药标准的50%" */
      for (guint q = 0; q < PN_N_QUESTIONS; q++)
        for (guint i = lowers->len; naming.values[q] != NULL && naming.values[q]->len > 0 && i > 0; i--)
          {
            const PnCondition *theirs = pn_benefit_find_condition (((Made *) g_ptr_array_index (lowers, i - 1))->benefit, q);

            if (theirs == NULL || !values_meet (theirs, naming.values[q]))
              g_ptr_array_remove_index (lowers, i - 1);
          }

      for (guint i = 0; i < lowers->len; i++)
        {
          Made *lower = g_ptr_array_index (lowers, i);
          double factor = form == RELATIVE_RAISE ? 1.0 + token->rate : token->rate;
          gboolean fits = TRUE;

          /* an amount past what an award may be is no award */
          if ((lower->benefit->amount != PN_YUAN_UNSET && (double) lower->benefit->amount * factor > (double) PN_MONEY_MAX) ||
              (lower->benefit->cap != PN_YUAN_UNSET && (double) lower->benefit->cap * factor > (double) PN_MONEY_MAX) ||
              (lower->benefit->kind == PN_BENEFIT_RATE && lower->benefit->rate * factor > 1.0))
            continue;

          for (guint q = 0; q < PN_N_QUESTIONS && fits; q++)
            {
              const PnCondition *theirs = pn_benefit_find_condition (lower->benefit, q);

              if (subject.values[q] == NULL || subject.values[q]->len == 0 || theirs == NULL ||
                  values_meet (theirs, subject.values[q]))
                continue;
              /* the share's subject replaces what all of them ask alike */
              fits = form == RELATIVE_SHARE && shared_by_all (lowers, q);
            }
          if (fits)
            g_ptr_array_add (chosen, lower);
        }
      /* a share of one standard: two that fit are a choice the text does
       * not make */
      if (chosen->len == 0 || (form == RELATIVE_SHARE && chosen->len > 1 && !shared_by_all (chosen, PN_QUESTION_PHASE) &&
                               subject.values[PN_QUESTION_PHASE] != NULL))
        continue;

      for (guint i = 0; i < chosen->len; i++)
        {
          Made *made = relative_twin (self, g_ptr_array_index (chosen, i), token, form, &subject, subject_text, phrase);

          add_figure (self, token, made->benefit->kind == PN_BENEFIT_RATE ? PN_DRAFT_FIGURE_RATE
                                                                          : PN_DRAFT_FIGURE_AMOUNT, made->benefit);
          any = TRUE;
        }
      /* drafted: no longer a figure for the reviewer to carry */
      if (any)
        {
          g_autofree char *said = span_dup (self->s, token->start, token->end);

          for (guint i = 0; i < self->relative->len; i++)
            if (g_str_equal (g_ptr_array_index (self->relative, i), said))
              {
                g_ptr_array_remove_index (self->relative, i);
                break;
              }
        }
    }
}


/* "按照评价费用的20%给予资助，国内首家通过的，每个品种最高给予500万元":
 * the rank the cap's own part of the clause names is the capped award's. */
static void
add_part_rank (Reader    *self,
               PnBenefit *benefit,
               Token     *token)
{
  const char *s = self->s;
  gsize cstart = clause_start (self, token->clause);
  gsize to = last_comma (self, token->clause, token->start, cstart);
  gsize from = to > cstart ? last_comma (self, token->clause, to - 1, cstart) : cstart;
  g_autofree char *part = span_dup (s, from, token->start);
  g_auto(Vocab) named = { { NULL } };

  /* "…，国家级平台最高不超过2000万元": the tier, to the requirement */
  {
    const char * const *tiers = tier_words;
    const char *tier = pn_draft_find_any (part, tiers);

    for (guint i = 0; tier != NULL && i < benefit->requirements->len; i++)
      {
        PnRequirement *requirement = g_ptr_array_index (benefit->requirements, i);
        g_autofree char *word = NULL;

        for (guint t = 0; tiers[t] != NULL && word == NULL; t++)
          if (g_str_has_prefix (tier, tiers[t]))
            word = g_strdup (tiers[t]);
        if (g_strcmp0 (requirement->id, "drafted-eligibility") != 0 || word == NULL ||
            strstr (requirement->text.zh, word) != NULL)
          continue;
        {
          char *zh = g_strdup_printf ("%s（%s）", requirement->text.zh, word);

          g_free (requirement->text.zh);
          requirement->text.zh = zh;
          g_free (requirement->text.en);
          requirement->text.en = g_strdup_printf ("The applicant is as the text says: “%s” "
                                                  "(drafted; translate and check)", zh);
        }
      }
  }

  for (guint i = 0; i < benefit->conditions->len; i++)
    if (((PnCondition *) g_ptr_array_index (benefit->conditions, i))->question == PN_QUESTION_RANK)
      return;
  detect (part, &named);
  if (named.values[PN_QUESTION_RANK] != NULL)
    {
      g_auto(Vocab) rank = { { NULL } };

      rank.values[PN_QUESTION_RANK] = g_ptr_array_ref (named.values[PN_QUESTION_RANK]);
      set_conditions (benefit, &rank);
    }
}

static void
build (Reader *self)
{
  GArray *tokens = self->tokens;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  const char *s = self->s;

  /* runs: figures of one kind joined by 、和及或 */
  for (guint i = 0; i < tokens->len;)
    {
      Token *token = &g_array_index (tokens, Token, i);
      Run run = { i, 1, ROLE_OTHER, FALSE };

      while (i + run.n < tokens->len)
        {
          Token *prev = &g_array_index (tokens, Token, i + run.n - 1);
          Token *next = &g_array_index (tokens, Token, i + run.n);
          g_autofree char *between = span_dup (s, prev->end, next->start);

          if (next->kind != token->kind || next->clause != token->clause ||
              !(g_str_equal (between, "、") || g_str_equal (between, "和") ||
                g_str_equal (between, "及") || g_str_equal (between, "或") ||
                g_str_equal (between, "与") || g_str_equal (between, "、和") ||
                /* the shares of 4:3:3 */
                (token->kind == TOKEN_RATE && *between != '\0' && colon_len (between) == strlen (between))))
            break;
          run.n++;
        }
      run.role = classify (self, &run);
      g_array_append_val (runs, run);
      i += run.n;
    }

  for (guint r = 0; r < runs->len; r++)
    {
      Run *run = &g_array_index (runs, Run, r);
      Token *first = &g_array_index (tokens, Token, run->first);
      gsize cstart = clause_start (self, first->clause);
      gsize prev_end = r > 0 ? g_array_index (tokens, Token,
                                              g_array_index (runs, Run, r - 1).first +
                                              g_array_index (runs, Run, r - 1).n - 1).end : 0;
      gsize window = last_comma (self, first->clause, first->start, MAX (cstart, prev_end));
      Origin origin = { first->sentence, context_start (self, first), first->start, NULL, 0 };
      g_autoptr(GArray) items = NULL;

      if (run->n > 1 && (run->role == ROLE_AMOUNT || run->role == ROLE_RATE || run->role == ROLE_CAP))
        items = find_enumeration (s, origin.context_start, first->start, run->n);

      switch (run->role)
        {
        case ROLE_RELATIVE:
          if (run->limit && limit_awards_by_rate (self, run, window))
            break;
          G_GNUC_FALLTHROUGH;
        case ROLE_OTHER:
          /* "奖励标准上浮50%", "按照前款标准的50%": worked out of the
           * awards they change once all are made (relative_awards ()) */
          if (run->role == ROLE_RELATIVE && !run->limit && run->n == 1 && first->kind == TOKEN_RATE)
            g_array_append_val (self->relative_at, run->first);
          for (guint i = 0; i < run->n; i++)
            {
              Token *token = &g_array_index (tokens, Token, run->first + i);

              add_figure (self, token, PN_DRAFT_FIGURE_OTHER, NULL);
              g_ptr_array_add (run->role == ROLE_RELATIVE ? self->relative : self->skipped,
                               span_dup (s, token->start, token->end));
            }
          /* "每新增1张床位给予2万元补助", with no cap: an award priced per
           * bed, of an amount not stated (no question counts the beds);
           * with a cap, the cap makes it (ROLE_CAP) */
          if (run->role == ROLE_OTHER && first->kind == TOKEN_YUAN &&
              span_has_any (s, back (s, first->start, 8, cstart), first->start,
                            (const char * const[]) { "张床位", "每张床", "每床", NULL }) &&
              span_has_any (s, cstart, clause_end (self, first->clause), award_words))
            {
              gboolean capped = FALSE;

              for (guint t = 0; t < tokens->len && !capped; t++)
                {
                  Token *other = &g_array_index (tokens, Token, t);

                  capped = other != first && other->sentence == first->sentence && other->kind == TOKEN_YUAN &&
                           span_has_any (s, back (s, other->start, 8, sentence_start (self, other->sentence)),
                                         other->start, cap_words);
                }
              if (!capped)
                {
                  Made *made = new_benefit (self, PN_BENEFIT_UNSPECIFIED, &origin, first);

                  g_ptr_array_add (made->benefit->notes,
                                   pn_text_new ("原文按单价计算（如每张床位），没有问题询问其数量：金额未起草；请按实际数量核对。",
                                                "The text prices the award per unit (a bed), and no question asks "
                                                "how many: the amount is not drafted; work it out from the actual "
                                                "number."));
                }
            }
          break;

        case ROLE_STAGE:
          {
            g_autoptr(GPtrArray) targets = made_in_sentence (self, first->sentence, FALSE, FALSE);
            g_autofree char *over = NULL;
            const char *fen = pn_draft_rfind (s + sentence_start (self, first->sentence),
                                              s + sentence_end (self, first->sentence), "分");

            if (fen != NULL)
              {
                const char *p = fen + strlen ("分");
                const char *q = p;

                while (*q != '\0' && (g_ascii_isdigit (*q) || pn_draft_cn_number_len (q) > 0))
                  q += g_ascii_isdigit (*q) ? 1 : pn_draft_cn_number_len (q);
                if (q > p && (g_str_has_prefix (q, "年") || g_str_has_prefix (q, "次") ||
                              g_str_has_prefix (q, "期")))
                  over = g_strndup (p, q - p + strlen ("年"));
              }

            /* "…800万元；…300万元。奖励资金分两年按6∶4拨付": a sentence of its
             * own about the awards' money pays all of them so */
            if (targets->len == 0 && self->made->len > 0 &&
                pn_draft_has_prefix_any (s + sentence_start (self, first->sentence),
                                         (const char * const[]) { "奖励资金", "资助资金", "补助资金", "奖补资金",
                                                                  "上述奖励", "以上奖励", "上述资金", NULL }))
              for (guint m = 0; m < self->made->len; m++)
                g_ptr_array_add (targets, g_ptr_array_index (self->made, m));
            if (targets->len == 0 && self->made->len > 0)
              g_ptr_array_add (targets, g_ptr_array_index (self->made, self->made->len - 1));
            /* "…分别给予一次性奖励1000万元、300万元；对…设备的，按照…30%给予补助，
             * 最高不超过2000万元，分三年按4:3:3拨付": the instalments of the
             * awards of their own clause, when it has any */
            {
              gboolean own_clause = FALSE;

              for (guint t = 0; t < targets->len && !own_clause; t++)
                own_clause = ((Made *) g_ptr_array_index (targets, t))->clause == first->clause;
              for (guint t = targets->len; own_clause && t > 0; t--)
                if (((Made *) g_ptr_array_index (targets, t - 1))->clause != first->clause)
                  g_ptr_array_remove_index (targets, t - 1);
            }
            for (guint t = 0; t < targets->len; t++)
              {
                PnBenefit *benefit = ((Made *) g_ptr_array_index (targets, t))->benefit;
                double sum = 0;

                g_clear_pointer (&benefit->stages, g_array_unref);
                benefit->stages = g_array_new (FALSE, FALSE, sizeof (double));
                for (guint i = 0; i < run->n; i++)
                  {
                    double share = g_array_index (tokens, Token, run->first + i).rate;

                    /* "按33.3%、33.3%、33.3%分3年拨付" adds up to 99.9%: the
                     * shares of one award add up to 1 (the schema's rule),
                     * so the last takes what is left, and the reviewer is
                     * told */
                    if (i + 1 == run->n && fabs (sum + share - 1.0) > 1e-9)
                      {
                        char stated[G_ASCII_DTOSTR_BUF_SIZE], kept[G_ASCII_DTOSTR_BUF_SIZE];
                        char total[G_ASCII_DTOSTR_BUF_SIZE];
                        g_autofree char *zh = NULL;
                        g_autofree char *en = NULL;

                        g_ascii_formatd (stated, sizeof stated, "%.4g", share * 100);
                        g_ascii_formatd (kept, sizeof kept, "%.4g", (1.0 - sum) * 100);
                        g_ascii_formatd (total, sizeof total, "%.4g", (sum + share) * 100);
                        zh = g_strdup_printf ("原文各期比例合计%s%%，末期按%s%%（原文%s%%）记录以合计100%%，请核对。",
                                              total, kept, stated);
                        en = g_strdup_printf ("The text's stages add up to %s%%: the last is recorded as %s%% "
                                              "(the text says %s%%) so that they add up to 100%%; check it.",
                                              total, kept, stated);
                        g_ptr_array_add (benefit->notes, pn_text_new (zh, en));
                        share = 1.0 - sum;
                      }
                    sum += share;
                    g_array_append_val (benefit->stages, share);
                  }
                g_free (benefit->stages_over);
                benefit->stages_over = g_strdup (over);
              }
            for (guint i = 0; i < run->n; i++)
              add_figure (self, &g_array_index (tokens, Token, run->first + i), PN_DRAFT_FIGURE_STAGE,
                          targets->len > 0 ? ((Made *) g_ptr_array_index (targets, 0))->benefit : NULL);
          }
          break;

        case ROLE_THRESHOLD:
          /* applied to the benefits of its sentence once they are all made */
          for (guint i = 0; i < run->n; i++)
            {
              Token *token = &g_array_index (tokens, Token, run->first + i);
              PnFigure figure = find_base (s, window, token->start);

              if (figure == PN_FIGURE_NONE)
                figure = find_base (s, cstart, token->start);
              add_figure (self, token, figure != PN_FIGURE_NONE ? PN_DRAFT_FIGURE_THRESHOLD
                                                                : PN_DRAFT_FIGURE_OTHER, NULL);
              if (figure == PN_FIGURE_NONE)
                g_ptr_array_add (self->skipped, span_dup (s, token->start, token->end));
            }
          break;

        case ROLE_RATE:
          {
            g_autoptr(GPtrArray) pending_caps = NULL;
            gsize base_from = window;
            Token *last = &g_array_index (tokens, Token, run->first + run->n - 1);
            gsize suffix_end = MIN (clause_end (self, first->clause), last->end + 12);
            PnFigure base = find_base (s, base_from, first->start);
            PnBenefitKind kind = PN_BENEFIT_RATE;
            gboolean lpr = FALSE;

            /* "对…固定资产贷款，按照贷款市场报价利率（LPR）的50%给予贴息": a
             * rate of the interest rate, whatever the words before say */
            gboolean of_interest_rate =
              span_has_any (s, back (s, first->start, 16, cstart), first->start,
                            (const char * const[]) { "利率", "LPR", NULL }) &&
              span_has (s, cstart, MIN (clause_end (self, first->clause), last->end + 12), "贴息");

            if (base == PN_FIGURE_NONE)
              base = find_base (s, cstart, first->start);
            /* "对企业购买智能算力服务…，按照算力服务费用的50%": a fee the
             * applicant pays, not a service revenue it earns (no figure
             * holds it: the note asks for one) */
            if (base == PN_FIGURE_SERVICE_REVENUE &&
                span_has_any (s, cstart, first->start,
                              (const char * const[]) { "购买", "采购", "购置", "租用", "支付", "缴纳", "平台服务费",
                                                       NULL }))
              base = PN_FIGURE_NONE;
            /* "免收租金", "前两年全免、第三年减半" of the rent */
            if (base == PN_FIGURE_NONE &&
                (at (s, first->start, "免收") || at (s, first->start, "全免") || at (s, first->start, "减半") ||
                 at (s, last->end, "租金") || at (s, last->end, "房租")))
              base = PN_FIGURE_RENT;
            /* "给予50%的租金补贴", "…30%的比例给予租金补贴": the figure after the rate */
            if (base == PN_FIGURE_NONE && at (s, last->end, "的"))
              base = find_base (s, last->end, MIN (clause_end (self, first->clause), last->end + 12 * 3));
            /* "按照贷款市场报价利率（LPR）的50%给予贴息": interest */
            /* "按照年度实际贷款额的2%给予贴息" is a share of the loan, which
             * no figure holds: no base (the note asks for one), not 2% of
             * the interest */
            if (of_interest_rate ||
                (base == PN_FIGURE_NONE && span_has (s, cstart, suffix_end, "贴息") &&
                 !span_has_any (s, window, first->start,
                                (const char * const[]) { "贷款额", "贷款金额", "贷款本金", "贷款总额", "借款额",
                                                         NULL })))
              {
                base = PN_FIGURE_LOAN_INTEREST;
                lpr = of_interest_rate;
              }
            if (span_has (s, cstart, suffix_end, "补足") || span_has (s, cstart, suffix_end, "补齐"))
              kind = PN_BENEFIT_TOP_UP;
            else if (first->kind == TOKEN_RATIO || span_has (s, window, suffix_end, "配套"))
              kind = PN_BENEFIT_MATCHING;
            if (kind == PN_BENEFIT_MATCHING && base == PN_FIGURE_NONE &&
                (span_has (s, cstart, first->start, "国家") || span_has (s, cstart, first->start, "上级") ||
                 span_has (s, cstart, first->start, "中央")))
              base = PN_FIGURE_NATIONAL_FUNDING;
            /* "按国家支持资金1:1配套、省级支持资金1:0.5配套": the second is of the
             * province's funding, which no figure holds (it matched the
             * national funding again) */
            gboolean provincial = kind == PN_BENEFIT_MATCHING && base == PN_FIGURE_NATIONAL_FUNDING && run->n == 1 &&
                                  span_has_any (s, back (s, first->start, 8, cstart), first->start,
                                                (const char * const[]) { "省级", "省财政", "省里", NULL }) &&
                                  !span_has_any (s, back (s, first->start, 8, cstart), first->start,
                                                 (const char * const[]) { "国家", "中央", NULL });

            if (provincial)
              base = PN_FIGURE_NONE;

            /* "按照研发投入最高不超过40%的标准", "按评价成本的20%以内": the
             * rate is a most, the estimate what it gives at most */
            gboolean ceiling =
              span_has_any (s, window, first->start,
                            (const char * const[]) { "最高", "不超过", "最多", "不高于", "上限", NULL }) ||
              span_has (s, last->end, MIN (suffix_end, last->end + 9), "以内");

            (void) pending_caps;
            for (guint i = 0; i < run->n; i++)
              {
                Token *token = &g_array_index (tokens, Token, run->first + i);
                Made *made;

                origin.items = items;
                origin.item = i;
                made = new_benefit (self, kind, &origin, token);
                made->benefit->rate = MIN (token->rate, 1.0);
                made->benefit->rate_ceiling = ceiling;
                made->benefit->base = base;
                /* "分别按照国家、省级资助金额的50%、30%给予配套": the second rate
                 * is of the province's funding, which no figure holds (both
                 * were of the national funding: one grant matched twice) */
                if (i > 0 && base == PN_FIGURE_NATIONAL_FUNDING && run->n > 1 &&
                    span_has_any (s, cstart, first->start, (const char * const[]) { "省级", "省、", NULL }) &&
                    span_has (s, cstart, first->start, "国家"))
                  {
                    made->benefit->base = PN_FIGURE_NONE;
                    g_ptr_array_add (made->benefit->notes,
                                     pn_text_new ("该比例按省级资助金额计算，没有对应的数额问题：请核对基数。",
                                                  "This rate applies to the provincial funding, which no "
                                                  "figure asks for: check its base."));
                  }
                if (provincial)
                  g_ptr_array_add (made->benefit->notes,
                                   pn_text_new ("该比例按省级资助金额计算，没有对应的数额问题：请核对基数。",
                                                "This rate applies to the provincial funding, which no "
                                                "figure asks for: check its base."));
                made->from_rate = TRUE;
                if (token->rate > 1.0)
                  g_ptr_array_add (made->benefit->notes,
                                   pn_text_new ("原文比例超过100%，此处按100%记录，请核对。",
                                                "The text states a rate above 100%; recorded as 100%, "
                                                "check it."));
                /* "按照研发投入增量部分的10%": of the increase only */
                if (base != PN_FIGURE_NONE &&
                    span_has_any (s, window, first->start,
                                  (const char * const[]) { "增量", "新增部分", "增长部分", "增加部分", NULL }))
                  g_ptr_array_add (made->benefit->notes,
                                   pn_text_new ("原文按该数字的增量（与上年相比增加的部分）计算：填写的数字应为增量，"
                                                "而非全年总额，请核对。",
                                                "The text applies the rate to the increase of the figure (over the "
                                                "year before), not to the whole: the figure given must be the "
                                                "increase. Check it."));
                if (lpr)
                  g_ptr_array_add (made->benefit->notes,
                                   pn_text_new ("原文按贷款市场报价利率（LPR）的一定比例贴息，此处记为实际支付利息的该比例；"
                                                "贷款利率高于LPR时，实际贴息低于此数，请核对。",
                                                "The text subsidises interest at a share of the loan prime rate (LPR); "
                                                "recorded as that share of the interest paid, which overstates it "
                                                "when the loan's rate is above the LPR: check it."));
                if (base == PN_FIGURE_NONE)
                  g_ptr_array_add (made->benefit->notes,
                                   pn_text_new ("未能从原文识别比例的计算基数，请选择。",
                                                "The figure the rate applies to was not recognised; "
                                                "choose it."));
                add_figure (self, token, PN_DRAFT_FIGURE_RATE, made->benefit);
              }
          }
          break;

        case ROLE_AMOUNT:
          {
            gboolean top_up = span_has (s, window, first->start, "补足") ||
                              span_has (s, window, first->start, "补齐");

            for (guint i = 0; i < run->n; i++)
              {
                Token *token = &g_array_index (tokens, Token, run->first + i);
                Made *made;

                origin.items = items;
                origin.item = i;
                made = new_benefit (self, top_up ? PN_BENEFIT_TOP_UP : PN_BENEFIT_FIXED, &origin, token);
                made->benefit->amount = token->yuan;
                /* "给予100万元至300万元资助": at most the upper end */
                if (top_up || token->ranged)
                  made->benefit->cap = token->yuan;
                else
                  set_periodic (self, made, token);
                /* "对取得第三类…的，给予200万元；其中属于国家创新医疗器械的，
                 * 每个产品给予500万元": the part's own standard, instead of
                 * the clause before's ("再给予", "另给予" add to it) */
                if (!top_up && run->n == 1 && g_str_has_prefix (s + cstart, "其中") &&
                    !span_has_any (s, cstart, first->start,
                                   (const char * const[]) { "再给予", "另给予", "另行给予", "额外", "叠加", "再奖励",
                                                            "另奖励", NULL }))
                  {
                    require_part (self, made->benefit, cstart, first->start);
                    made->replaces = TRUE;
                  }
                else
                  {
                    /* "其中属于儿童专用药的，另给予200万元": an award of its own,
                     * for the part only (it was everyone's) */
                    if (!top_up && g_str_has_prefix (s + cstart, "其中"))
                      require_part (self, made->benefit, cstart, first->start);
                    note_raised (self, made->benefit, window, first->start);
                  }
                add_figure (self, token, PN_DRAFT_FIGURE_AMOUNT, made->benefit);
              }
          }
          break;

        case ROLE_CAP:
          {
            g_autoptr(GPtrArray) pending = made_in_sentence (self, first->sentence, TRUE, TRUE);
            g_autoptr(GPtrArray) capped = made_in_sentence (self, first->sentence, TRUE, FALSE);
            /* what the cap's own words say: "单个企业每年…最高不超过" */
            gboolean yearly = span_has (s, window, first->start, "每年") ||
                              span_has (s, window, first->start, "年度");
            gboolean enterprise = span_has_any (s, window, first->start, enterprise_subjects);
            /* "每人每年最高30万元": a person's award a year, no enterprise's cap */
            gboolean per_person = span_has_any (s, back (s, first->start, 8, cstart), first->start,
                                                (const char * const[]) { "每人", "每名", NULL });

            if (pending->len > 0)
              {
                for (guint i = 0; i < run->n; i++)
                  {
                    Token *token = &g_array_index (tokens, Token, run->first + i);
                    PnBenefit *benefit;

                    if (run->n == 1)
                      {
                        for (guint p = 0; p < pending->len; p++)
                          {
                            Made *made = g_ptr_array_index (pending, p);

                            set_cap (made, token->yuan);
                            if (pending->len == 1)
                              narrow_to_cap_clause (self, made->benefit, window, token);
                            /* "每个品种最高不超过200万元" says what one award is per */
                            if (made->benefit->per == NULL)
                              made->benefit->per = g_strdup (per_of (s, window, token->end));
                            add_part_rank (self, made->benefit, token);
                          }
                        benefit = ((Made *) g_ptr_array_index (pending, 0))->benefit;
                      }
                    else if (pending->len == run->n)
                      {
                        set_cap (g_ptr_array_index (pending, i), token->yuan);
                        benefit = ((Made *) g_ptr_array_index (pending, i))->benefit;
                      }
                    else if (i == 0)
                      {
                        Made *template = g_ptr_array_index (pending, 0);

                        set_cap (template, token->yuan);
                        benefit = template->benefit;
                        /* the conditions and title of the first enumerated item */
                        if (items != NULL)
                          {
                            origin.items = items;
                            origin.item = 0;
                            fill_benefit (self, template->benefit, &origin, token);
                          }
                      }
                    else
                      {
                        Made *template = g_ptr_array_index (pending, 0);

                        origin.items = items;
                        origin.item = i;
                        benefit = clone_benefit (self, template, &origin, token);
                        ((Made *) g_ptr_array_index (self->made, self->made->len - 1))->capped = TRUE;
                        benefit->cap = token->yuan;
                      }
                    add_figure (self, token, PN_DRAFT_FIGURE_CAP, benefit);
                  }
              }
            else if (capped->len > 0 && !yearly && !enterprise &&
                     /* not "…30%，给予最高1000万元支持；对获得第二类…的，给予最高
                      * 一百万元支持": a clause of its own that awards */
                     !(((Made *) g_ptr_array_index (capped, capped->len - 1))->clause != first->clause &&
                       span_has_any (s, cstart, first->start,
                                     (const char * const[]) { "给予", "予以", NULL })))
              {
                /* another cap for the same rate: 单个企业最高500万元，龙头企业1000万元 */
                Made *template = g_ptr_array_index (capped, capped->len - 1);

                for (guint i = 0; i < run->n; i++)
                  {
                    Token *token = &g_array_index (tokens, Token, run->first + i);
                    PnBenefit *benefit;

                    origin.items = items;
                    origin.item = i;
                    benefit = clone_benefit (self, template, &origin, token);
                    benefit->cap = token->yuan;
                    narrow_to_cap_clause (self, benefit, window, token);
                    /* "其中…的重点项目，补助比例提高至10%，最高不超过1000万元":
                     * the tier's own rate */
                    if (benefit->kind == PN_BENEFIT_RATE)
                      {
                        double raised = raised_rate (self, cstart, token->start);

                        if (raised > 0)
                          benefit->rate = raised;
                      }
                    note_raised (self, benefit, cstart, token->start);
                    ((Made *) g_ptr_array_index (self->made, self->made->len - 1))->capped = TRUE;
                    /* "…最高不超过500万元；其中属于1类创新药的，…最高不超过1000万元",
                     * "…每个品种最高不超过1000万元；对创新药的，最高不超过1500万元":
                     * the part's higher cap, instead of the whole's */
                    gsize part_start = cstart, part_end = token->start;
                    gboolean part_of_own = FALSE;

                    /* "…最高不超过500万元；手术机器人、人工智能医疗器械产品最高不超过
                     * 800万元", "…最高不超过300万元；国内前三家通过的，最高不超过500万元":
                     * a higher cap after the semicolon, for the applicants its
                     * words name (it was a second award of the same rate: both
                     * counted, ¥11,000,000 for ¥6,000,000) */
                    if (!at (s, cstart, "其中") && template->clause != first->clause &&
                        token->yuan > template->benefit->cap && template->benefit->cap > 0)
                      {
                        const char *semicolon = pn_draft_rfind (s + sentence_start (self, first->sentence),
                                                                s + first->start, "；");
                        const char *word = NULL;

                        if (semicolon != NULL && (gsize) (semicolon - s) >= clause_end (self, template->clause))
                          {
                            part_start = (semicolon - s) + strlen ("；");
                            word = pn_draft_rfind (s + part_start, s + first->start, "最高");
                            if (word == NULL)
                              word = pn_draft_rfind (s + part_start, s + first->start, "不超过");
                            part_end = word != NULL ? (gsize) (word - s) : first->start;
                            if (part_end > part_start)
                              {
                                g_autofree char *part = span_dup (s, part_start, part_end);

                                part_of_own = pn_draft_count_cjk (part) >= 2;
                              }
                          }
                      }
                    if (at (s, cstart, "其中") || part_of_own ||
                        (template->clause != first->clause && at (s, cstart, "对") &&
                         g_strstr_len (s + cstart, first->start - cstart, "的") != NULL &&
                         token->yuan > template->benefit->cap && template->benefit->cap > 0))
                      {
                        Made *part = g_ptr_array_index (self->made, self->made->len - 1);

                        require_part (self, benefit, part_of_own ? part_start : cstart,
                                      part_of_own ? part_end : token->start);
                        part->replaces = TRUE;
                        part->replaces_lower = template->benefit;
                        if (part->if_not == 0)
                          part->if_not = 2;
                      }
                    add_figure (self, token, PN_DRAFT_FIGURE_CAP, benefit);
                  }
              }
            else if ((yearly || enterprise) && !per_person &&
                     (self->made->len > 0 ||
                      /* "单个企业每年度获得本款奖励累计不超过2000万元", an item of
                       * its own: the other items' cap (pn-draft.c gives it them) */
                      span_has_any (s, cstart, first->start,
                                    (const char * const[]) { "累计", "本款", "本条", "本项", "上述", "本政策",
                                                             "本办法", "本措施", "本规定", "本方案", "本细则",
                                                             "本意见", NULL })))
              {
                for (guint i = 0; i < run->n; i++)
                  {
                    Token *token = &g_array_index (tokens, Token, run->first + i);

                    annual_cap (self, token, window);
                    add_figure (self, token, PN_DRAFT_FIGURE_ANNUAL_CAP, NULL);
                  }
              }
            else
              {
                /* "给予最高80万元补贴": a fixed award at most that much;
                 * "予以适当补助，单个项目最高不超过300万元": amount unstated */
                gboolean stated = span_has_any (s, window, first->start,
                                                (const char * const[]) { "给予", "予以", "奖励", "补助",
                                                                         "资助", "补贴", "支持", NULL }) &&
                                  /* "电费按照0.1元/千瓦时给予补贴，…年度补贴上限为100万元":
                                   * a price times what is used, at most the cap */
                                  !span_has_any (s, sentence_start (self, first->sentence), first->start,
                                                 price_marks);

                for (guint i = 0; i < run->n; i++)
                  {
                    Token *token = &g_array_index (tokens, Token, run->first + i);
                    Made *made;

                    origin.items = items;
                    origin.item = i;
                    made = new_benefit (self, stated ? PN_BENEFIT_FIXED : PN_BENEFIT_UNSPECIFIED,
                                        &origin, token);
                    if (stated)
                      made->benefit->amount = token->yuan;
                    set_cap (made, token->yuan);
                    if (stated)
                      set_periodic (self, made, token);
                    else if (span_has_any (s, sentence_start (self, first->sentence), first->start, price_marks))
                      g_ptr_array_add (made->benefit->notes,
                                       pn_text_new ("原文按单价计算（如每张床位、每亩、每千瓦时），没有问题询问其数量：金额未起草，"
                                                    "最高为上限；请按实际数量核对。",
                                                    "The text prices the award per unit (a bed, a mu, a kilowatt-hour), "
                                                    "and no question asks how many: the amount is not drafted, at most "
                                                    "the cap; work it out from the actual number."));
                    note_raised (self, made->benefit, cstart, first->start);
                    add_figure (self, token, PN_DRAFT_FIGURE_CAP, made->benefit);
                  }
              }
          }
          break;

        default:
          break;
        }
    }

  /* thresholds, once every benefit of their clause is made: each to every
   * benefit, or one to each when the clause enumerates as many ("营业收入
   * 首次突破1亿元、5亿元的…分别给予50万元、100万元") */
  PnFigure previous_figure = PN_FIGURE_NONE;
  guint previous_sentence = 0;

  for (guint r = 0; r < runs->len; r++)
    {
      Run *run = &g_array_index (runs, Run, r);
      Token *first = &g_array_index (tokens, Token, run->first);
      Token *last = &g_array_index (tokens, Token, run->first + run->n - 1);
      gsize cstart = clause_start (self, first->clause);
      gsize window = last_comma (self, first->clause, first->start, cstart);
      PnFigure figure;
      gboolean inclusive;
      g_autoptr(GPtrArray) targets = g_ptr_array_new ();

      if (run->role != ROLE_THRESHOLD)
        continue;
      figure = find_base (s, window, first->start);
      if (figure == PN_FIGURE_NONE)
        figure = find_base (s, cstart, first->start);
      /* "对年销售收入首次超过5千万元的企业，给予…；首次超过10亿元的，给予…":
       * the figure of the threshold before it, named once */
      if (figure == PN_FIGURE_NONE && previous_figure != PN_FIGURE_NONE &&
          first->sentence <= previous_sentence + 1)
        figure = previous_figure;
      if (figure == PN_FIGURE_NONE)
        continue;
      previous_figure = figure;
      previous_sentence = first->sentence;
      /* "固定资产投资额达到1亿元以上的…；其中投资额达到5亿元以上的": the
       * investment the sentence is about */
      if (figure == PN_FIGURE_TOTAL_INVESTMENT && !span_has (s, window, first->start, "总投资") &&
          span_has (s, sentence_start (self, first->sentence), first->start, "固定资产投资"))
        figure = PN_FIGURE_FIXED_ASSETS;
      /* 超过、突破 exclude the figure; 达到、以上 include it */
      inclusive = !span_ends_with_any (s, back (s, first->start, 3, cstart), first->start,
                                       (const char * const[]) { "超过", "超", "突破", "高于", NULL }) ||
                  at (s, last->end, "以上") || at (s, last->end, "及以上");

      for (guint k = 0; k < self->made->len; k++)
        {
          Made *made = g_ptr_array_index (self->made, k);

          if (made->clause == first->clause)
            g_ptr_array_add (targets, made);
        }

      for (guint t = 0; t < targets->len; t++)
        for (guint i = 0; i < run->n; i++)
          {
            Token *token = &g_array_index (tokens, Token, run->first + i);
            Made *made = g_ptr_array_index (targets, t);
            PnThreshold *threshold;
            gboolean has = FALSE;

            if (run->n > 1 && targets->len == run->n && i != t)
              continue;
            for (guint e = 0; e < made->benefit->thresholds->len; e++)
              {
                PnThreshold *existing = g_ptr_array_index (made->benefit->thresholds, e);

                has = has || (existing->figure == figure && existing->min == token->yuan);
              }
            if (has)
              continue;
            threshold = g_new0 (PnThreshold, 1);
            threshold->figure = figure;
            threshold->min = token->yuan;
            threshold->inclusive = inclusive;
            g_ptr_array_add (made->benefit->thresholds, threshold);
          }
    }

  /* "给予每人100万元安家补贴，分5年等额发放": five equal instalments */
  for (guint i = 0; i < self->made->len; i++)
    {
      Made *made = g_ptr_array_index (self->made, i);
      gsize from = sentence_start (self, made->sentence);
      gsize to = sentence_end (self, made->sentence);
      g_autofree char *sentence = span_dup (s, from, to);
      g_autoptr(GMatchInfo) match = NULL;
      static GRegex *equal;

      if (made->benefit->stages != NULL)
        continue;
      if (g_once_init_enter (&equal))
        g_once_init_leave (&equal, g_regex_new ("分([0-9]{1,2}|[一二三四五六七八九十])(年|次|期)(等额|平均|均等|按年平均)",
                                                0, 0, NULL));
      if (g_regex_match (equal, sentence, 0, &match))
        {
          g_autofree char *count = g_match_info_fetch (match, 1);
          g_autofree char *unit = g_match_info_fetch (match, 2);
          int n = g_ascii_isdigit (count[0]) ? atoi (count) : pn_draft_cn_number (count, strlen (count));

          if (n >= 2 && n <= 10)
            {
              double share = floor (10000.0 / n) / 10000.0;
              double sum = 0;

              made->benefit->stages = g_array_new (FALSE, FALSE, sizeof (double));
              for (int k = 0; k < n; k++)
                {
                  /* the last takes what is left: the shares add up to 1 */
                  double this = k + 1 == n ? 1.0 - sum : share;

                  g_array_append_val (made->benefit->stages, this);
                  sum += share;
                }
              g_free (made->benefit->stages_over);
              made->benefit->stages_over = g_strdup_printf ("%d%s", n, unit);
            }
        }
    }

  /* "分5年发放", "分3年拨付" with no shares, and "补贴期限不超过3年": terms
   * the model holds only with their shares or years, said for the reviewer
   * (they were dropped in silence) */
  for (guint i = 0; i < self->made->len; i++)
    {
      Made *made = g_ptr_array_index (self->made, i);
      g_autofree char *sentence = span_dup (s, sentence_start (self, made->sentence),
                                            sentence_end (self, made->sentence));
      g_autoptr(GMatchInfo) paid = NULL;
      g_autoptr(GMatchInfo) term = NULL;
      static GRegex *over_years, *limit;

      if (g_once_init_enter (&over_years))
        g_once_init_leave (&over_years, g_regex_new ("分([0-9]{1,2}|[一二两三四五六七八九十])(年|次|期)"
                                                     "(发放|拨付|兑现|支付|拨付到位)", 0, 0, NULL));
      if (g_once_init_enter (&limit))
        g_once_init_leave (&limit, g_regex_new ("(期限|期)(最长)?(不超过|最长|最多)([0-9]{1,2}|[一二两三四五六七八九十])年",
                                                0, 0, NULL));
      if (made->benefit->stages == NULL && g_regex_match (over_years, sentence, 0, &paid))
        {
          g_autofree char *said = g_match_info_fetch (paid, 0);
          g_autofree char *zh = g_strdup_printf ("原文“%s”，未写各次的比例：审核时请在分期支付中补充。", said);
          g_autofree char *en = g_strdup_printf ("The text says \"%s\" (paid over time) without the shares: "
                                                 "add the instalments when reviewing.", said);

          g_ptr_array_add (made->benefit->notes, pn_text_new (zh, en));
        }
      if (g_regex_match (limit, sentence, 0, &term))
        {
          g_autofree char *said = g_match_info_fetch (term, 0);
          g_autofree char *zh = g_strdup_printf ("原文“%s”：该补助按年给予，最多给予原文所写的年数，估算只计一年。", said);
          g_autofree char *en = g_strdup_printf ("The text says \"%s\": the subsidy is given year by year for at "
                                                 "most that long; the estimate counts one year.", said);

          g_ptr_array_add (made->benefit->notes, pn_text_new (zh, en));
        }
    }

  /* "固定资产投资在5000万元以上1亿元以下的，按…8%给予补助；1亿元以上的，按…
   * 10%": a band and the tier above it, which no upper bound keeps apart
   * (a ¥200,000,000 project was listed both): the tier above tops the
   * band up, so together they give the tier's rate */
  for (guint i = 0; i < self->made->len; i++)
    {
      Made *above = g_ptr_array_index (self->made, i);

      if (above->replaces || above->benefit->kind != PN_BENEFIT_RATE || above->benefit->thresholds->len != 1)
        continue;
      for (guint j = i; j > 0; j--)
        {
          Made *band = g_ptr_array_index (self->made, j - 1);
          const PnThreshold *theirs, *ours;

          if (band->sentence != above->sentence)
            break;
          if (band->benefit->kind != PN_BENEFIT_RATE || band->benefit->base != above->benefit->base ||
              band->benefit->thresholds->len != 1)
            continue;
          theirs = g_ptr_array_index (band->benefit->thresholds, 0);
          ours = g_ptr_array_index (above->benefit->thresholds, 0);
          if (theirs->figure != ours->figure || theirs->min >= ours->min ||
              !span_has_any (s, clause_start (self, band->clause), clause_end (self, band->clause),
                             (const char * const[]) { "以下", "不足", "低于", "以内", "未满", "未达到", NULL }))
            continue;
          above->replaces = TRUE;
          above->replaces_lower = band->benefit;
          break;
        }
    }

  relative_awards (self);

  /* the parts' higher standards, now that thresholds are read: top-ups of
   * the awards they are parts of, else the note of what the text says */
  for (guint i = 0; i < self->made->len; i++)
    {
      Made *made = g_ptr_array_index (self->made, i);
      gboolean done;

      if (!made->replaces)
        continue;
      done = made->replaces_lower != NULL ? make_top_up (made->benefit, made->replaces_lower)
                                          : top_up_before (self, made);
      if (done)
        continue;
      if (made->if_not == 1)
        add_raised_note (made->benefit);
      else if (made->if_not == 2)
        g_ptr_array_add (made->benefit->notes,
                         pn_text_new ("本项为上一项奖励中部分申请人的更高上限：对这些申请人取代上一项，而非另加一项；"
                                      "审核时请将两项置于同一重叠组，或只保留适用的一项。",
                                      "A higher cap for some of the applicants of the award before: for them it "
                                      "replaces that award, it does not add to it; put both in one overlap group, or "
                                      "keep the one that applies."));
    }

  /* "每个品种奖励100万元；国内前三家通过的，每个品种奖励200万元": a higher
   * amount in a clause of its own for some of the applicants of the award
   * before it (its conditions and more), with no word that adds it (另,
   * 再, 额外): that award's higher tier, a top-up of it (both were counted,
   * ¥3,000,000 for ¥2,000,000) */
  for (guint i = 0; i < self->made->len; i++)
    {
      Made *made = g_ptr_array_index (self->made, i);
      gsize cstart, cend;

      if (made->replaces || made->benefit->kind != PN_BENEFIT_FIXED || made->benefit->tops_up != NULL ||
          made->benefit->amount == PN_YUAN_UNSET)
        continue;
      cstart = clause_start (self, made->clause);
      cend = clause_end (self, made->clause);
      if (span_has_any (s, cstart, cend, (const char * const[]) { "另", "再", "额外", "增加", "叠加", "累加",
                                                                 "同时", "并", NULL }))
        continue;
      for (guint j = i; j > 0; j--)
        {
          Made *lower = g_ptr_array_index (self->made, j - 1);

          /* "每个产品给予200万元奖励，其中…获批的，每个产品给予500万元奖励":
           * a part after a comma, in the same clause (both were counted) */
          if (lower->sentence != made->sentence || lower->clause > made->clause ||
              (lower->clause == made->clause && !span_has (s, lower->position, made->position, "其中")))
            continue;
          /* the nearest tier below, itself a top-up when it is a tier too */
          if ((lower->benefit->kind != PN_BENEFIT_FIXED && lower->benefit->kind != PN_BENEFIT_TOP_UP) ||
              lower->benefit->amount == PN_YUAN_UNSET ||
              lower->benefit->amount >= made->benefit->amount || lower->benefit->stages != NULL)
            continue;
          if (make_top_up_of (made->benefit, lower->benefit, TRUE))
            break;
        }
    }

  /* "国内首家、第二家、第三家通过的，分别给予300万元、200万元、150万元": the
   * second and the third are both among the first three, the one answer
   * the rank has; an applicant is one of them, not both (¥3,500,000 was
   * counted for ¥2,000,000): the higher tops the lower up, together the
   * higher.  Two awards of one sentence alike in every condition and
   * requirement: the rank one of them, or each in a clause of its own
   * with no word that adds them. */
  for (guint i = 0; i < self->made->len; i++)
    for (guint j = i + 1; j < self->made->len; j++)
      {
        Made *a = g_ptr_array_index (self->made, i);
        Made *b = g_ptr_array_index (self->made, j);
        const PnCondition *rank_a, *rank_b;
        PnBenefit *higher, *lower;
        gboolean alike;

        if (a->sentence != b->sentence || a->benefit->kind != PN_BENEFIT_FIXED || b->benefit->kind != PN_BENEFIT_FIXED ||
            a->benefit->tops_up != NULL || b->benefit->tops_up != NULL || a->replaces || b->replaces ||
            a->benefit->amount == PN_YUAN_UNSET || b->benefit->amount == PN_YUAN_UNSET ||
            a->benefit->amount == b->benefit->amount ||
            a->benefit->conditions->len != b->benefit->conditions->len ||
            a->benefit->requirements->len != b->benefit->requirements->len)
          continue;
        rank_a = pn_benefit_find_condition (a->benefit, PN_QUESTION_RANK);
        rank_b = pn_benefit_find_condition (b->benefit, PN_QUESTION_RANK);
        /* without a rank, two awards no answer tells apart, in clauses of
         * their own and no word adding one to the other ("获得美国FDA…的，
         * 给予500万元；通过世界卫生组织预认证的，给予200万元"): the
         * applicant is counted one, the higher */
        if ((rank_a == NULL || rank_b == NULL) &&
            (a->clause == b->clause ||
             span_has_any (s, sentence_start (self, a->sentence), sentence_end (self, a->sentence),
                           (const char * const[]) { "另", "再", "额外", "增加", "叠加", "累加", "同时", "并",
                                                    "分别", "合计", NULL })))
          continue;
        alike = TRUE;
        for (guint c = 0; c < a->benefit->conditions->len && alike; c++)
          {
            const PnCondition *ours = g_ptr_array_index (a->benefit->conditions, c);
            const PnCondition *theirs = pn_benefit_find_condition (b->benefit, ours->question);

            alike = theirs != NULL && g_strv_equal ((const char * const *) ours->values,
                                                    (const char * const *) theirs->values);
          }
        /* "新引进的博士…；新引进的硕士…": parts a requirement names are
         * different applicants */
        for (guint r = 0; r < a->benefit->requirements->len && alike; r++)
          {
            const PnRequirement *ours = g_ptr_array_index (a->benefit->requirements, r);
            const PnRequirement *theirs = g_ptr_array_index (b->benefit->requirements, r);

            alike = g_strcmp0 (ours->id, theirs->id) == 0 && g_strcmp0 (ours->text.zh, theirs->text.zh) == 0;
          }
        if (!alike)
          continue;
        higher = a->benefit->amount > b->benefit->amount ? a->benefit : b->benefit;
        lower = higher == a->benefit ? b->benefit : a->benefit;
        higher->kind = PN_BENEFIT_TOP_UP;
        higher->tops_up = g_new0 (char *, 2);
        higher->tops_up[0] = g_strdup (lower->id);
        if (rank_a != NULL && rank_b != NULL)
          g_ptr_array_add (higher->notes,
                           pn_text_new ("原文对同一名次档（如第二家、第三家，均属国内前三家）分别给予不同金额：申请人只属其中一档，"
                                        "按“补足”起草，两项合计为较高一档；审核时请按实际名次只保留适用的一项。",
                                        "The text gives different amounts to places the same rank answer covers (the "
                                        "second and the third are both among the first three): an applicant is one of "
                                        "them, so the higher tops the lower up and together they give the higher; keep "
                                        "the one for the actual place when reviewing."));
        else
          g_ptr_array_add (higher->notes,
                           pn_text_new ("原文对两种情形分别给予不同金额，而各项回答无法区分二者（如美国FDA上市许可与世界卫生组织预认证）："
                                        "按“补足”起草，两项合计为较高一项；申请人同时符合两项的，审核时请改为分别计入。",
                                        "The text gives different amounts for two cases no answer tells apart (an FDA "
                                        "approval and a WHO prequalification): drafted as the higher topping the lower up, "
                                        "together the higher; where an applicant meets both, make them separate awards "
                                        "when reviewing."));
      }

  /* "首次达到10亿元、30亿元、50亿元的，分别给予500万元、1000万元、1500万元
   * 奖励，按差额补足方式兑现": a higher tier pays what the lower ones did
   * not, so together they give the highest tier's amount */
  for (guint i = 0; i < self->made->len; i++)
    {
      Made *made = g_ptr_array_index (self->made, i);

      if (span_has (s, sentence_start (self, made->sentence), sentence_end (self, made->sentence), "差额"))
        g_ptr_array_add (made->benefit->notes,
                         pn_text_new ("原文按差额兑现：高一档只补足与已得低档奖励的差额，各档合计为最高一档的金额；"
                                      "审核时请将各档置于同一重叠组，或只保留适用的一档。",
                                      "The text pays the tiers by the difference (按差额): a higher tier pays only "
                                      "what the lower ones did not, so together they give the highest tier's "
                                      "amount; put the tiers in one overlap group, or keep the one that applies."));
    }

  for (guint i = 0; i < self->made->len; i++)
    describe (g_ptr_array_index (self->made, i), self->taxonomy);
}

static void
reader_clear (Reader *self)
{
  g_free (self->s);
  g_clear_pointer (&self->map, g_array_unref);
  g_clear_pointer (&self->tokens, g_array_unref);
  g_clear_pointer (&self->sentences, g_array_unref);
  g_clear_pointer (&self->clauses, g_array_unref);
  if (self->groups != NULL)
    {
      for (guint i = 0; i < self->groups->len; i++)
        unit_group_clear (&g_array_index (self->groups, UnitGroup, i));
      g_array_unref (self->groups);
    }
  g_clear_pointer (&self->made, g_ptr_array_unref);
  g_clear_pointer (&self->slugs, g_hash_table_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);
  g_clear_pointer (&self->relative, g_ptr_array_unref);
  g_clear_pointer (&self->relative_at, g_array_unref);
  g_clear_pointer (&self->foreign, g_ptr_array_unref);
}

/* A line break that ends no sentence is a wrap the extraction kept
 * ("按照设备投\n资的10%"): it goes, so that words and sentences hold. */
static void
unwrap (Reader *self)
{
  static const char * const unit_labels[] = {
    "责任单位", "牵头单位", "主责单位", "责任部门", "牵头部门", "责任主体", NULL
  };
  GString *out = g_string_sized_new (strlen (self->s));
  GArray *map = g_array_sized_new (FALSE, FALSE, sizeof (gsize), self->map->len);
  gsize line = 0;   /* where the line being written starts in `out` */

  for (gsize i = 0; self->s[i] != '\0'; i++)
    {
      if (self->s[i] == '\n' && out->len > 0)
        {
          const char *prev = g_utf8_find_prev_char (out->str, out->str + out->len);
          static const char * const ends[] = { "。", "；", "！", "？", "：", "）", ")", NULL };

          /* "责任单位：区科技和创新局" ends its line whatever it ends on */
          if (prev != NULL && !pn_draft_has_prefix_any (prev, ends) &&
              !pn_draft_has_prefix_any (out->str + line, unit_labels) &&
              !g_str_has_prefix (out->str + line, "配合单位"))
            continue;
        }
      if (self->s[i] == '\n')
        line = out->len + 1;
      g_string_append_c (out, self->s[i]);
      g_array_append_val (map, g_array_index (self->map, gsize, i));
    }
  g_array_append_val (map, g_array_index (self->map, gsize, self->map->len - 1));

  g_free (self->s);
  self->s = g_string_free (out, FALSE);
  g_array_unref (self->map);
  self->map = map;
}

/* ---- tables of tiers inside an article ---- */

/* "平台级别\t认定奖励\t设备补助上限\n国家级\t1000万元\t3000万元\n…" after
 * "对新认定的国家级、省级、市级创新平台，按照下表标准给予一次性认定奖励；对
 * 平台建设期内购置研发设备的，按照设备购置额的30%再给予补助，最高不超过表中
 * 补助上限。": read row by row, the table is a run of figures whose meaning
 * is in the header and the sentence before it.  It is rewritten into a
 * sentence a row, which the reader reads as it reads any other:
 *   对新认定的国家级创新平台，给予一次性认定奖励1000万元。
 *   对新认定的国家级创新平台，对平台建设期内购置研发设备的，按照设备购置额
 *   的30%再给予补助，最高不超过3000万元。
 * Each byte of the rewritten text maps to the original: a cell's figure to
 * the cell, the words around it to its row. */

typedef struct
{
  gsize  start;       /* the line, in the original */
  gsize  end;
  GPtrArray *cells;   /* char *, owned */
  GArray *offsets;    /* gsize: where each cell starts */
} TableLine;

static void
table_line_clear (TableLine *line)
{
  g_clear_pointer (&line->cells, g_ptr_array_unref);
  g_clear_pointer (&line->offsets, g_array_unref);
}

static gboolean
has_figure (const char *cell)
{
  for (const char *p = cell; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return strstr (cell, "元") != NULL || strstr (cell, "%") != NULL || strstr (cell, "％") != NULL;
  return FALSE;
}

/* The unit a header names ("奖励金额（万元）", "上限(元)"), after a cell
 * that is a bare number; the cell as it is otherwise. */
static char *
cell_with_unit (const char *cell,
                const char *heading)
{
  g_autofree char *plain = pn_draft_strip (g_strdup (cell));
  const char *unit = strstr (heading, "亿元") ? "亿元" : strstr (heading, "万元") ? "万元" :
                     strstr (heading, "元") ? "元" : NULL;
  gboolean bare = *plain != '\0';

  for (const char *p = plain; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.')
      bare = FALSE;
  if (bare && unit != NULL)
    return g_strconcat (plain, unit, NULL);
  return g_strdup (cell);
}

/* A header without its unit: "奖励金额（万元）" is "奖励金额". */
static char *
heading_without_unit (const char *heading)
{
  g_autofree char *plain = pn_draft_strip (g_strdup (heading));
  const char *open = pn_draft_find_any (plain, (const char * const[]) { "（", "(", NULL });

  if (open != NULL && strstr (open, "元") != NULL)
    return pn_draft_strip (g_strndup (plain, open - plain));
  return g_steal_pointer (&plain);
}

static gboolean
is_blank_cell (const char *cell)
{
  g_autofree char *plain = pn_draft_strip (g_strdup (cell));

  return *plain == '\0' || g_str_equal (plain, "—") || g_str_equal (plain, "/") || g_str_equal (plain, "-") ||
         g_str_equal (plain, "／") || g_str_equal (plain, "——");
}

static void
append_mapped (GString    *out,
               GArray     *map,
               const char *text,
               gssize      len,
               gsize       offset,
               gboolean    own)  /* TRUE: byte i of text is original byte offset + i */
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;

  for (gsize i = 0; i < n; i++)
    {
      gsize at_offset = own ? offset + i : offset;

      g_array_append_val (map, at_offset);
    }
  g_string_append_len (out, text, n);
}

/* The sentence's clause that names the rows ("国家级、省级、市级"), with that
 * list: the subject a row is about. */
static char *
row_subject (const char *clause,
             GPtrArray  *labels,
             const char *label,
             const char *header)
{
  const char *first = g_ptr_array_index (labels, 0);
  const char *at_first = strstr (clause, first);

  if (at_first != NULL)
    {
      const char *end = at_first;

      /* the list runs from the first label to the end of the last */
      for (guint i = 0; i < labels->len; i++)
        {
          const char *hit = strstr (end, g_ptr_array_index (labels, i));

          if (hit == NULL)
            {
              end = NULL;
              break;
            }
          end = hit + strlen (g_ptr_array_index (labels, i));
        }
      if (end != NULL)
        {
          g_autofree char *head = g_strndup (clause, at_first - clause);

          return g_strconcat (head, label, end, NULL);
        }
    }

  /* "对年主营业务收入首次达到下表标准的企业" and a row "5亿元（含）至10亿元":
   * 首次达到5亿元（含）至10亿元的企业 */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const words[] = { "下表标准", "下表规定标准", "以下标准" };
      const char *at_words = strstr (clause, words[i]);

      if (at_words != NULL && has_figure (label))
        {
          g_autofree char *head = g_strndup (clause, at_words - clause);

          return g_strconcat (head, label, at_words + strlen (words[i]), NULL);
        }
    }

  /* "药品注册分类" "一类": a class 1 new drug, as the registration names it */
  if (strstr (header, "注册分类") != NULL &&
      (g_str_equal (label, "一类") || g_str_equal (label, "1类") || g_str_equal (label, "二类") ||
       g_str_equal (label, "2类")))
    return g_strdup_printf ("对%s新药，即%s", label, g_str_has_prefix (clause, "对") ? clause + strlen ("对") : clause);

  /* "对在本市注册并实现产业化的创新药，按照药品注册分类给予…" and a row
   * "2类改良型新药": the row's class, not 创新药 besides it (the improved
   * drug's award matched innovative drugs) */
  if (strstr (header, "注册分类") != NULL || strstr (header, "药品类别") != NULL ||
      strstr (header, "药品分类") != NULL)
    {
      g_autofree char *own = g_strdup (g_str_has_prefix (clause, "对") ? clause + strlen ("对") : clause);
      g_auto(GStrv) parts = g_strsplit (own, "创新药", -1);
      g_autofree char *neutral = g_strjoinv ("药品", parts);

      if (strstr (label, "类") != NULL || strstr (label, "药") != NULL)
        return g_strdup_printf ("对%s为%s的%s", header, label, neutral);
    }

  /* "对入选…计划的生物医药项目" and a column "人才类别": 对人才类别为A类的… */
  if (g_str_has_prefix (clause, "对"))
    return g_strdup_printf ("对%s为%s的%s", header, label, clause + strlen ("对"));
  return g_strdup_printf ("对%s为%s的%s", header, label, clause);
}

/* The article's text with its tier tables written as sentences, and the
 * map of its bytes to the original's; NULL when it has no such table. */
static char *
rewrite_tables (const char *original,
                GArray    **out_map)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (TableLine));
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) map = NULL;
  gsize copied = 0;
  gboolean any = FALSE;

  g_array_set_clear_func (lines, (GDestroyNotify) table_line_clear);
  for (gsize start = 0; original[start] != '\0';)
    {
      const char *nl = strchr (original + start, '\n');
      gsize end = nl != NULL ? (gsize) (nl - original) : strlen (original);
      TableLine line = { start, end, NULL, NULL };

      if (memchr (original + start, '\t', end - start) != NULL)
        {
          gsize cell = start;

          line.cells = g_ptr_array_new_with_free_func (g_free);
          line.offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
          for (gsize i = start; i <= end; i++)
            if (i == end || original[i] == '\t')
              {
                g_ptr_array_add (line.cells, g_strndup (original + cell, i - cell));
                g_array_append_val (line.offsets, cell);
                cell = i + 1;
              }
        }
      g_array_append_val (lines, line);
      start = nl != NULL ? end + 1 : end;
    }

  out = g_string_new (NULL);
  map = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint h = 1; h < lines->len; h++)
    {
      TableLine *header = &g_array_index (lines, TableLine, h);
      TableLine *before = &g_array_index (lines, TableLine, h - 1);
      TableLine *unit_line = NULL;
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      gsize tail_at = 0, tail_end = 0;
      g_autofree char *intro = NULL;
      g_auto(GStrv) clauses = NULL;
      const char *subject = NULL;
      g_autofree char *rate_clause = NULL;
      gboolean all_caps = FALSE;
      gboolean one_time;
      guint k, last;

      if (header->cells == NULL || header->cells->len < 2 || before->cells != NULL)
        continue;
      /* "单位：万元" on a line of its own between the sentence and the
       * table (a .docx): the sentence is the line before it */
      if (h >= 2 && g_array_index (lines, TableLine, h - 2).cells == NULL)
        {
          g_autofree char *said = g_strndup (original + before->start, before->end - before->start);
          g_autofree char *plain = pn_draft_normalize (said, NULL);

          if (g_str_has_prefix (plain, "单位") && g_utf8_strlen (plain, -1) <= 8 && strstr (plain, "元") != NULL)
            {
              unit_line = before;
              before = &g_array_index (lines, TableLine, h - 2);
            }
        }
      k = header->cells->len;
      for (guint c = 0; c < k; c++)
        if (has_figure (g_ptr_array_index (header->cells, c)))
          k = 0;
      /* "各阶段最高资助金额见下表（单位：万元）": the unit of every bare
       * number, when no heading says one */
      {
        TableLine *says = unit_line != NULL ? unit_line : before;
        g_autofree char *said = g_strndup (original + says->start, says->end - says->start);
        g_autofree char *plain = pn_draft_normalize (said, NULL);
        const char *unit = pn_draft_find_any (plain, (const char * const[]) {
                             "单位：万元", "单位:万元", "单位为万元", NULL }) != NULL ? "万元"
                           : pn_draft_find_any (plain, (const char * const[]) {
                               "单位：亿元", "单位:亿元", NULL }) != NULL ? "亿元"
                           : pn_draft_find_any (plain, (const char * const[]) {
                               "单位：元", "单位:元", NULL }) != NULL ? "元" : NULL;

        for (guint c = 0; unit != NULL && k > 0 && c < k; c++)
          {
            char *heading = g_ptr_array_index (header->cells, c);

            if (c > 0 && strstr (heading, "元") == NULL)
              {
                header->cells->pdata[c] = g_strconcat (heading, "（", unit, "）", NULL);
                g_free (heading);
              }
          }
      }
      /* rows: as many cells, a label and figures (a bare number when the
       * header says its unit: "奖励金额（万元）") */
      for (last = h + 1; k > 0 && last < lines->len; last++)
        {
          TableLine *row = &g_array_index (lines, TableLine, last);
          gboolean figures = FALSE;

          if (row->cells == NULL || row->cells->len != k)
            break;
          for (guint c = 1; c < k; c++)
            {
              g_autofree char *with_unit = cell_with_unit (g_ptr_array_index (row->cells, c),
                                                           g_ptr_array_index (header->cells, c));

              figures = figures || has_figure (with_unit);
            }
          /* a label with figures only for a column of a figure's bands:
           * "年主营业务收入" "5亿元（含）至10亿元" */
          if (!figures || (has_figure (g_ptr_array_index (row->cells, 0)) &&
                           !names_figure (g_ptr_array_index (header->cells, 0))))
            break;
          g_ptr_array_add (labels, pn_draft_strip (g_strdup (g_ptr_array_index (row->cells, 0))));
        }
      if (k == 0 || labels->len == 0)
        continue;

      /* the sentence before the table: who, and how a cap column is used */
      {
        const char *line_text = original + before->start;
        g_autofree char *text = g_strndup (line_text, before->end - before->start);
        const char *stop = NULL;

        const char *table_said = pn_draft_find_any (text, (const char * const[]) {
                                   "见下表", "如下表", "详见下表", "下表", NULL });

        /* its last sentence: after the last 。 that ends none */
        for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
          if (g_str_has_prefix (p, "。") && p[strlen ("。")] != '\0')
            stop = p + strlen ("。");
        /* …or the one that names the table, when one after it does not
         * ("…各阶段最高资助金额见下表。单个企业每年资助总额最高不超过1亿元。"):
         * the sentences after it stay, after the rows */
        if (table_said != NULL && stop != NULL && table_said < stop)
          {
            const char *end = strstr (table_said, "。");
            const char *start = pn_draft_rfind (text, table_said, "。");

            start = start != NULL ? start + strlen ("。") : text;
            if (end != NULL)
              {
                end += strlen ("。");
                intro = pn_draft_strip (g_strndup (start, end - start));
                tail_at = before->start + (end - text);
                tail_end = before->end;
              }
          }
        if (intro == NULL)
          intro = pn_draft_strip (g_strdup (stop != NULL ? stop : text));
      }
      clauses = g_strsplit (intro, "；", -1);
      for (guint c = 0; clauses[c] != NULL; c++)
        {
          g_autofree char *squashed = pn_draft_normalize (clauses[c], NULL);

          if (subject == NULL && (g_str_has_prefix (squashed, "对") || strstr (squashed, labels->pdata[0])))
            subject = clauses[c];
          if (rate_clause == NULL && strstr (squashed, "%") != NULL && strstr (squashed, "表") != NULL)
            {
              /* without "，最高不超过表中补助上限" */
              const char *cap = pn_draft_find_any (clauses[c], (const char * const[]) {
                "，最高不超过表", "，最高不超过", "，不超过表", "最高不超过表", NULL });
              const char *table_said = pn_draft_find_any (clauses[c], (const char * const[]) {
                "见下表", "如下表", "详见下表", "见附表", NULL });

              /* "按照…的40%分阶段给予资助，各阶段最高资助金额见下表": every
               * column of the table is a cap of that rate */
              if (cap == NULL && table_said != NULL)
                {
                  const char *comma = pn_draft_rfind (clauses[c], table_said, "，");

                  all_caps = pn_draft_find_any (clauses[c], (const char * const[]) {
                               "最高", "上限", "不超过", NULL }) != NULL;
                  if (comma != NULL && all_caps)
                    cap = comma;
                }
              rate_clause = cap != NULL ? g_strndup (clauses[c], cap - clauses[c]) : g_strdup (clauses[c]);
              if (g_str_has_suffix (rate_clause, "。"))
                rate_clause[strlen (rate_clause) - strlen ("。")] = '\0';
            }
        }
      if (subject == NULL)
        continue;
      one_time = strstr (intro, "一次性") != NULL;
      {
        /* the subject clause up to its first "，" */
        const char *comma = strstr (subject, "，");
        g_autofree char *who = comma != NULL ? g_strndup (subject, comma - subject) : g_strdup (subject);
        g_autofree char *who_plain = pn_draft_strip (g_steal_pointer (&who));

        /* the text before the table, but its last sentence (the rows say it) */
        {
          const char *intro_at = strstr (original + before->start, intro);
          gsize keep = intro_at != NULL && (gsize) (intro_at - original) < before->end
                       ? (gsize) (intro_at - original) : before->end;

          append_mapped (out, map, original + copied, keep - copied, copied, TRUE);
        }

        for (guint r = h + 1; r < last; r++)
          {
            TableLine *row = &g_array_index (lines, TableLine, r);
            const char *label = g_ptr_array_index (labels, r - h - 1);
            g_autofree char *first_heading = pn_draft_strip (g_strdup (g_ptr_array_index (header->cells, 0)));
            g_autofree char *row_who = row_subject (who_plain, labels, label, first_heading);

            /* a yearly cap column with no rate to cap ("单个企业年度奖励上限"):
             * said in the award's sentence, where it caps the award */
            g_autofree char *yearly_heading = NULL;
            g_autofree char *yearly_cell = NULL;
            gsize yearly_at = 0, yearly_end = 0;
            guint n_amounts = 0;

            for (guint c = 1; c < k; c++)
              {
                g_autofree char *heading = heading_without_unit (g_ptr_array_index (header->cells, c));
                gboolean cap = pn_draft_find_any (heading, (const char * const[]) {
                                 "上限", "最高", "封顶", "不超过", NULL }) != NULL;

                if (!cap)
                  n_amounts++;
              }

            for (guint c = 1; c < k; c++)
              {
                g_autofree char *cell = cell_with_unit (g_ptr_array_index (row->cells, c),
                                                        g_ptr_array_index (header->cells, c));
                g_autofree char *heading = heading_without_unit (g_ptr_array_index (header->cells, c));
                gsize cell_at = g_array_index (row->offsets, gsize, c);
                gsize cell_end = cell_at + strlen (g_ptr_array_index (row->cells, c));
                gboolean cap = (all_caps && rate_clause != NULL) ||
                               pn_draft_find_any (heading, (const char * const[]) {
                                 "上限", "最高", "封顶", "不超过", NULL }) != NULL;

                if (is_blank_cell (cell))
                  continue;
                if (cap && rate_clause == NULL)
                  {
                    if (n_amounts == 1 && yearly_cell == NULL &&
                        pn_draft_find_any (heading, (const char * const[]) { "年度", "每年", "企业", NULL }))
                      {
                        yearly_heading = g_strdup (heading);
                        yearly_cell = g_strdup (cell);
                        yearly_at = cell_at;
                        yearly_end = cell_end;
                      }
                    continue;
                  }
                append_mapped (out, map, "\n", -1, row->start, FALSE);
                if (cap)
                  {
                    /* "对国家级：平台建设期内购置研发设备的，按照…，最高不超过3000万元" */
                    const char *rest = g_str_has_prefix (rate_clause, "对") ? rate_clause + strlen ("对")
                                                                             : rate_clause;
                    g_autofree char *neutral = NULL;

                    /* a row of a class ("2类改良型新药") under a clause of
                     * several ("其创新药、改良型新药完成各阶段…"): the row's
                     * class alone (an improved drug was shown the innovative
                     * row's caps) */
                    if (pn_draft_find_any (label, (const char * const[]) {
                          "创新药", "改良型", "仿制药", "生物类似药", NULL }) != NULL)
                      {
                        static const char * const classes[] = { "改良型新药", "创新药", "仿制药", "生物类似药", NULL };
                        g_autoptr(GString) words = g_string_new (rest);

                        for (guint w = 0; classes[w] != NULL; w++)
                          g_string_replace (words, classes[w], "药品", 0);
                        neutral = g_string_free (g_steal_pointer (&words), FALSE);
                        rest = neutral;
                      }

                    append_mapped (out, map, "对", -1, row->start, FALSE);
                    append_mapped (out, map, label, -1, row->start, FALSE);
                    /* a table of caps by two things, class and stage: the
                     * column's stage with the row's class ("对1类创新药完成
                     * Ⅰ期临床试验的：…，最高不超过500万元") */
                    if (all_caps && k > 2)
                      {
                        append_mapped (out, map, heading, -1, row->start, FALSE);
                        append_mapped (out, map, "的", -1, row->start, FALSE);
                      }
                    append_mapped (out, map, "：", -1, row->start, FALSE);
                    append_mapped (out, map, rest, -1, row->start, FALSE);
                    append_mapped (out, map, "，最高不超过", -1, row->start, FALSE);
                    append_mapped (out, map, cell, -1, cell_at, TRUE);
                  }
                else
                  {
                    /* "对新认定的国家级创新平台认定，给予一次性1000万元奖励": the
                     * column's name in the title, its noun after the figure */
                    static const char * const nouns[] = { "奖励", "补助", "资助", "补贴", "奖补", NULL };
                    g_autofree char *words = g_strdup (heading);
                    const char *noun = "";

                    for (guint n = 0; nouns[n] != NULL; n++)
                      if (g_str_has_suffix (words, nouns[n]))
                        {
                          words[strlen (words) - strlen (nouns[n])] = '\0';
                          noun = nouns[n];
                          break;
                        }
                    /* "奖励金额": the amount of an award, no name of one */
                    if (g_str_has_suffix (words, "金额") && *noun == '\0')
                      {
                        words[strlen (words) - strlen ("金额")] = '\0';
                        if (g_str_has_suffix (words, "奖励"))
                          {
                            words[strlen (words) - strlen ("奖励")] = '\0';
                            noun = "奖励";
                          }
                      }
                    append_mapped (out, map, row_who, -1, row->start, FALSE);
                    append_mapped (out, map, words, -1, row->start, FALSE);
                    append_mapped (out, map, one_time ? "，给予一次性" : "，给予", -1, row->start, FALSE);
                    /* the figure maps to the cell; a unit the header gave, to its end */
                    append_mapped (out, map, cell, MIN (strlen (cell), cell_end - cell_at), cell_at, TRUE);
                    if (strlen (cell) > cell_end - cell_at)
                      append_mapped (out, map, cell + (cell_end - cell_at), -1, cell_end, FALSE);
                    append_mapped (out, map, noun, -1, cell_end, FALSE);
                  }
                /* after the figure: where its cell ends, so that the
                 * figure the editor highlights is the cell's */
                append_mapped (out, map, "。", -1, cell_end, FALSE);
              }
            if (yearly_cell != NULL)
              {
                /* a sentence of its own on the row's line, which caps the
                 * award of its paragraph: "单个企业年度奖励上限3000万元。" */
                append_mapped (out, map, yearly_heading, -1, row->start, FALSE);
                append_mapped (out, map, yearly_cell, MIN (strlen (yearly_cell), yearly_end - yearly_at),
                               yearly_at, TRUE);
                if (strlen (yearly_cell) > yearly_end - yearly_at)
                  append_mapped (out, map, yearly_cell + (yearly_end - yearly_at), -1, yearly_end, FALSE);
                append_mapped (out, map, "。", -1, row->end, FALSE);
              }
          }
        /* what the sentence's line said after it: a yearly cap */
        if (tail_end > tail_at)
          {
            append_mapped (out, map, "\n", -1, tail_at, FALSE);
            append_mapped (out, map, original + tail_at, tail_end - tail_at, tail_at, TRUE);
          }
        copied = g_array_index (lines, TableLine, last - 1).end;
        any = TRUE;
        h = last - 1;
      }
    }

  if (!any)
    return NULL;
  append_mapped (out, map, original + copied, -1, copied, TRUE);
  {
    gsize end = strlen (original);

    g_array_append_val (map, end);
  }
  *out_map = g_steal_pointer (&map);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "两免一减半", "两免三减半": a rent slogan, written out as the reader
 * reads it ("前2年全免、第3年减半") at the slogan's place in the original. */
static void
expand_slogans (Reader *self)
{
  static const char * const numbers[] = { "一", "两", "三", "四", "五", NULL };
  GString *out = NULL;
  GArray *map = NULL;
  gsize copied = 0;

  for (gsize i = 0; self->s[i] != '\0'; i += char_len (self->s + i))
    {
      int free_years = 0, half_years = 0;
      gsize p = i;
      gsize explain_from = 0, explain_to = 0;
      g_autofree char *written = NULL;

      for (int n = 0; numbers[n] != NULL && free_years == 0; n++)
        if (at (self->s, p, numbers[n]) && at (self->s, p + strlen (numbers[n]), "免"))
          {
            free_years = n + 1;
            p += strlen (numbers[n]) + strlen ("免");
          }
      if (free_years == 0)
        continue;
      for (int n = 0; numbers[n] != NULL && half_years == 0; n++)
        if (at (self->s, p, numbers[n]) && at (self->s, p + strlen (numbers[n]), "减半"))
          {
            half_years = n + 1;
            p += strlen (numbers[n]) + strlen ("减半");
          }
      if (half_years == 0)
        continue;
      /* "“三免两减半”租金补贴，即前三年按租金的100%、后两年按租金的50%": the
       * text says the terms again; both read, each award was drafted twice.
       * The slogan written out stands for both; the explanation goes. */
      {
        const char *rest = self->s + p;
        const char *stop = strstr (rest, "。");
        const char *explained = strstr (rest, "即");
        const char *rate = explained != NULL ? strstr (explained, "%") : NULL;

        if (explained != NULL && rate != NULL && (stop == NULL || rate < stop) &&
            explained - rest < 40 * 3)
          {
            const char *last = rate;
            const char *end;

            while ((end = strstr (last + 1, "%")) != NULL && (stop == NULL || end < stop) &&
                   strstr (last, "，") != NULL && end < strstr (last, "，"))
              last = end;
            end = strstr (last, "，");
            if (end == NULL || (stop != NULL && end > stop))
              end = stop != NULL ? stop : last + 1;
            explain_from = explained - self->s;
            explain_to = end - self->s;
          }
      }

      written = half_years == 1
                ? g_strdup_printf ("前%d年全免、第%d年减半", free_years, free_years + 1)
                : g_strdup_printf ("前%d年全免、第%d年至第%d年减半", free_years, free_years + 1,
                                   free_years + half_years);
      if (out == NULL)
        {
          out = g_string_new (NULL);
          map = g_array_new (FALSE, FALSE, sizeof (gsize));
        }
      g_string_append_len (out, self->s + copied, i - copied);
      g_array_append_vals (map, &g_array_index (self->map, gsize, copied), i - copied);
      for (gsize b = 0; b < strlen (written); b++)
        g_array_append_val (map, g_array_index (self->map, gsize, i));
      g_string_append (out, written);
      copied = p;
      if (explain_to > explain_from && explain_from >= p)
        {
          g_string_append_len (out, self->s + p, explain_from - p);
          g_array_append_vals (map, &g_array_index (self->map, gsize, p), explain_from - p);
          copied = explain_to;
        }
      i = copied - 1;
    }

  if (out == NULL)
    return;
  g_string_append (out, self->s + copied);
  g_array_append_vals (map, &g_array_index (self->map, gsize, copied), self->map->len - copied);
  g_free (self->s);
  self->s = g_string_free (out, FALSE);
  g_array_unref (self->map);
  self->map = map;
}

static void
reader_init (Reader        *self,
             PnArticle     *article,
             PnDraftPlaces *places,
             PnTaxonomy    *taxonomy,
             GPtrArray     *figures)
{
  memset (self, 0, sizeof *self);
  self->article = article;
  self->document = article->document;
  self->places = places;
  self->taxonomy = taxonomy;
  self->figures = figures;
  self->map = g_array_new (FALSE, FALSE, sizeof (gsize));
  {
    g_autoptr(GArray) table_map = NULL;
    g_autofree char *rewritten = article->original != NULL ? rewrite_tables (article->original, &table_map) : NULL;

    if (rewritten != NULL)
      {
        /* through the rewritten text to the original */
        self->s = pn_draft_normalize (rewritten, self->map);
        for (guint i = 0; i < self->map->len; i++)
          g_array_index (self->map, gsize, i) = g_array_index (table_map, gsize, g_array_index (self->map, gsize, i));
      }
    else
      self->s = pn_draft_normalize (article->original, self->map);
  }
  unwrap (self);
  expand_slogans (self);
  self->tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  self->sentences = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->clauses = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->groups = g_array_new (FALSE, FALSE, sizeof (UnitGroup));
  self->made = g_ptr_array_new_with_free_func (g_free);
  self->slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->skipped = g_ptr_array_new_with_free_func (g_free);
  self->relative = g_ptr_array_new_with_free_func (g_free);
  self->relative_at = g_array_new (FALSE, FALSE, sizeof (guint));
  self->foreign = g_ptr_array_new_with_free_func (g_free);
}

void
pn_draft_read_article_units (PnArticle     *article,
                             PnDraftPlaces *places)
{
  Reader self;

  reader_init (&self, article, places, NULL, NULL);
  find_unit_groups (&self);
  for (guint i = 0; i < self.groups->len; i++)
    {
      UnitGroup *group = &g_array_index (self.groups, UnitGroup, i);

      pn_draft_places_add_units (places, group->lead, "lead", article->units);
      pn_draft_places_add_units (places, group->cooperating, "cooperating", article->units);
    }
  reader_clear (&self);
}

void
pn_draft_read_benefits (PnArticle     *article,
                        PnDraftPlaces *places,
                        PnTaxonomy    *taxonomy,
                        GPtrArray     *figures)
{
  Reader self;

  reader_init (&self, article, places, taxonomy, figures);
  find_unit_groups (&self);
  tokenize (&self);
  merge_ranges (&self);
  split_sentences (&self);
  build (&self);

  /* paragraphs that each name their units: each benefit gets those of
   * the parenthesis that closes its paragraph */
  if (self.groups->len >= 2)
    for (guint i = 0; i < self.made->len; i++)
      {
        Made *made = g_ptr_array_index (self.made, i);

        for (guint g = 0; g < self.groups->len; g++)
          {
            UnitGroup *group = &g_array_index (self.groups, UnitGroup, g);

            if (group->start >= made->position)
              {
                pn_draft_places_add_units (places, group->lead, "lead", made->benefit->units);
                pn_draft_places_add_units (places, group->cooperating, "cooperating",
                                           made->benefit->units);
                break;
              }
          }
      }

  if (self.skipped->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (self.skipped, NULL);
      list = g_strjoinv ("、", (char **) self.skipped->pdata);
      g_autofree char *zh = g_strdup_printf ("以下数字未作为奖补起草（统计数据、条件或目标）：%s", list);

      g_ptr_array_add (article->notes,
                       pn_text_new (zh, "Figures not drafted as awards (statistics, conditions or "
                                        "targets): see the Chinese."));
    }

  if (self.foreign->len > 0)
    {
      g_autofree char *list = NULL;
      g_autofree char *zh = NULL;

      g_ptr_array_add (self.foreign, NULL);
      list = g_strjoinv ("、", (char **) self.foreign->pdata);
      zh = g_strdup_printf ("以下金额以外币计，未换算为人民币，未起草为奖补，请换算后补充：%s", list);
      g_ptr_array_add (article->notes,
                       pn_text_new (zh, "Amounts in another currency (patacas, Hong Kong or US dollars): "
                                        "not converted to yuan and not drafted; convert them and add the "
                                        "award. See the Chinese."));
    }
  if (self.relative->len > 0)
    {
      g_autofree char *list = NULL;
      g_autofree char *zh = NULL;

      g_ptr_array_add (self.relative, NULL);
      list = g_strjoinv ("、", (char **) self.relative->pdata);
      zh = g_strdup_printf ("以下数字按另一项奖励的标准计算、调整或分拆，未单独起草，请在相应奖励中体现：%s", list);
      g_ptr_array_add (article->notes,
                       pn_text_new (zh, "Figures that compute, change or split another award's standard "
                                        "(a share of it, raised to, of which): not drafted on their own; "
                                        "carry them into that award. See the Chinese."));
    }

  reader_clear (&self);
}
