/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-draft"

#include "config.h"

#include <string.h>

#include "pn-draft-private.h"

/* Places the taxonomy does not hold, so that a document from elsewhere
 * still gets a readable id ("wuhan") and its province.  The short name,
 * the id, the level, and the enclosing place (a taxonomy id or another
 * entry's id). */
typedef struct
{
  const char *zh;
  const char *id;
  const char *level;
  const char *parent;
} KnownPlace;

static const KnownPlace known_places[] = {
  { "北京", "beijing", "province", NULL }, { "天津", "tianjin", "province", NULL },
  { "上海", "shanghai", "province", NULL }, { "重庆", "chongqing", "province", NULL },
  { "河北", "hebei", "province", NULL }, { "山西", "shanxi", "province", NULL },
  { "内蒙古", "neimenggu", "province", NULL }, { "辽宁", "liaoning", "province", NULL },
  { "吉林", "jilin", "province", NULL }, { "黑龙江", "heilongjiang", "province", NULL },
  { "江苏", "jiangsu", "province", NULL }, { "浙江", "zhejiang", "province", NULL },
  { "安徽", "anhui", "province", NULL }, { "江西", "jiangxi", "province", NULL },
  { "山东", "shandong", "province", NULL }, { "河南", "henan", "province", NULL },
  { "湖北", "hubei", "province", NULL }, { "湖南", "hunan", "province", NULL },
  { "广东", "guangdong", "province", NULL }, { "广西", "guangxi", "province", NULL },
  { "海南", "hainan", "province", NULL }, { "四川", "sichuan", "province", NULL },
  { "贵州", "guizhou", "province", NULL }, { "云南", "yunnan", "province", NULL },
  { "西藏", "xizang", "province", NULL }, { "陕西", "shaanxi", "province", NULL },
  { "甘肃", "gansu", "province", NULL }, { "青海", "qinghai", "province", NULL },
  { "宁夏", "ningxia", "province", NULL }, { "新疆", "xinjiang", "province", NULL },
  { "香港", "hongkong", "province", NULL }, { "澳门", "macao", "province", NULL },
  { "石家庄", "shijiazhuang", "city", "hebei" }, { "太原", "taiyuan", "city", "shanxi" },
  { "呼和浩特", "hohhot", "city", "neimenggu" }, { "沈阳", "shenyang", "city", "liaoning" },
  { "大连", "dalian", "city", "liaoning" }, { "长春", "changchun", "city", "jilin" },
  { "哈尔滨", "harbin", "city", "heilongjiang" }, { "南京", "nanjing", "city", "jiangsu" },
  { "苏州", "suzhou", "city", "jiangsu" }, { "无锡", "wuxi", "city", "jiangsu" },
  { "常州", "changzhou", "city", "jiangsu" }, { "南通", "nantong", "city", "jiangsu" },
  { "泰州", "taizhou-js", "city", "jiangsu" }, { "连云港", "lianyungang", "city", "jiangsu" },
  { "徐州", "xuzhou", "city", "jiangsu" }, { "扬州", "yangzhou", "city", "jiangsu" },
  { "镇江", "zhenjiang", "city", "jiangsu" }, { "杭州", "hangzhou", "city", "zhejiang" },
  { "宁波", "ningbo", "city", "zhejiang" }, { "温州", "wenzhou", "city", "zhejiang" },
  { "嘉兴", "jiaxing", "city", "zhejiang" }, { "湖州", "huzhou", "city", "zhejiang" },
  { "绍兴", "shaoxing", "city", "zhejiang" }, { "金华", "jinhua", "city", "zhejiang" },
  { "台州", "taizhou", "city", "zhejiang" }, { "合肥", "hefei", "city", "anhui" },
  { "芜湖", "wuhu", "city", "anhui" }, { "南昌", "nanchang", "city", "jiangxi" },
  { "济南", "jinan", "city", "shandong" }, { "青岛", "qingdao", "city", "shandong" },
  { "烟台", "yantai", "city", "shandong" }, { "威海", "weihai", "city", "shandong" },
  { "潍坊", "weifang", "city", "shandong" }, { "淄博", "zibo", "city", "shandong" },
  { "郑州", "zhengzhou", "city", "henan" }, { "武汉", "wuhan", "city", "hubei" },
  { "宜昌", "yichang", "city", "hubei" }, { "襄阳", "xiangyang", "city", "hubei" },
  { "长沙", "changsha", "city", "hunan" }, { "株洲", "zhuzhou", "city", "hunan" },
  { "广州", "guangzhou", "city", "guangdong" }, { "深圳", "shenzhen", "city", "guangdong" },
  { "珠海", "zhuhai", "city", "guangdong" }, { "佛山", "foshan", "city", "guangdong" },
  { "东莞", "dongguan", "city", "guangdong" }, { "中山", "zhongshan", "city", "guangdong" },
  { "惠州", "huizhou", "city", "guangdong" }, { "江门", "jiangmen", "city", "guangdong" },
  { "汕头", "shantou", "city", "guangdong" }, { "南宁", "nanning", "city", "guangxi" },
  { "海口", "haikou", "city", "hainan" }, { "三亚", "sanya", "city", "hainan" },
  { "成都", "chengdu", "city", "sichuan" }, { "贵阳", "guiyang", "city", "guizhou" },
  { "昆明", "kunming", "city", "yunnan" }, { "拉萨", "lasa", "city", "xizang" },
  { "西安", "xian", "city", "shaanxi" }, { "兰州", "lanzhou", "city", "gansu" },
  { "西宁", "xining", "city", "qinghai" }, { "银川", "yinchuan", "city", "ningxia" },
  { "乌鲁木齐", "urumqi", "city", "xinjiang" },
  /* Fujian's counties and districts, under the taxonomy's cities */
  { "思明", "siming", "county", "xiamen" }, { "湖里", "huli", "county", "xiamen" },
  { "集美", "jimei", "county", "xiamen" }, { "海沧", "haicang", "county", "xiamen" },
  { "同安", "tongan", "county", "xiamen" }, { "翔安", "xiangan", "county", "xiamen" },
  { "福清", "fuqing", "county", "fuzhou" }, { "长乐", "changle", "county", "fuzhou" },
  { "闽侯", "minhou", "county", "fuzhou" }, { "仓山", "cangshan", "county", "fuzhou" },
  { "鼓楼", "gulou", "county", "fuzhou" }, { "马尾", "mawei", "county", "fuzhou" },
  { "石狮", "shishi", "county", "quanzhou" }, { "南安", "nanan", "county", "quanzhou" },
  { "惠安", "huian", "county", "quanzhou" }, { "安溪", "anxi", "county", "quanzhou" },
  { "永春", "yongchun", "county", "quanzhou" }, { "德化", "dehua", "county", "quanzhou" },
  { "丰泽", "fengze", "county", "quanzhou" }, { "鲤城", "licheng", "county", "quanzhou" },
  { "洛江", "luojiang", "county", "quanzhou" }, { "泉港", "quangang", "county", "quanzhou" },
  { "龙海", "longhai", "county", "zhangzhou" }, { "漳浦", "zhangpu", "county", "zhangzhou" },
  { "仙游", "xianyou", "county", "putian" }, { "永安", "yongan", "county", "sanming" },
  { "武夷山", "wuyishan", "county", "nanping" }, { "福安", "fuan", "county", "ningde" },
  { "福鼎", "fuding", "county", "ningde" }, { "长汀", "changting", "county", "longyan" },
  { "平潭", "pingtan", "county", "fuzhou" },
};

static const char * const place_suffixes[] = {
  "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "区", "县", "自治州",
  "州", "盟", "旗", NULL
};

typedef struct
{
  char         *key;
  const PnTerm *unit;
} UnitKey;

struct _PnDraftPlaces
{
  PnTaxonomy   *taxonomy;
  PnDocument   *document;
  GPtrArray    *warnings;       /* not owned */
  char         *jurisdiction;
  char         *jurisdiction_zh;
  char         *province;       /* the province-level place, or NULL */
  char         *province_zh;
  GPtrArray    *keys;           /* UnitKey */
  GPtrArray    *place_names;    /* char *, taxonomy place names, longest first */
  GHashTable   *local_units;    /* zh → id */
  GPtrArray    *new_units;      /* zh, for the warning */
};

static void
unit_key_free (UnitKey *key)
{
  g_free (key->key);
  g_free (key);
}

void
pn_draft_places_free (PnDraftPlaces *places)
{
  if (places == NULL)
    return;

  if (places->new_units != NULL && places->new_units->len > 0 && places->warnings != NULL)
    {
      g_ptr_array_add (places->new_units, NULL);
      {
        g_autofree char *names = g_strjoinv ("、", (char **) places->new_units->pdata);

        pn_draft_warn (places->warnings,
                       g_strdup_printf ("%u个责任单位不在分类表中，已作为本文件的新单位提出：%s",
                                        places->new_units->len - 1, names),
                       g_strdup_printf ("%u responsible unit%s not in the taxonomy, proposed as "
                                        "new units of the document: %s",
                                        places->new_units->len - 1,
                                        places->new_units->len - 1 == 1 ? " is" : "s are",
                                        names));
      }
    }

  g_clear_pointer (&places->taxonomy, pn_taxonomy_unref);
  g_clear_pointer (&places->document, pn_document_unref);
  g_free (places->jurisdiction);
  g_free (places->jurisdiction_zh);
  g_free (places->province);
  g_free (places->province_zh);
  g_clear_pointer (&places->keys, g_ptr_array_unref);
  g_clear_pointer (&places->place_names, g_ptr_array_unref);
  g_clear_pointer (&places->local_units, g_hash_table_unref);
  g_clear_pointer (&places->new_units, g_ptr_array_unref);
  g_free (places);
}

/* ---- names ---- */

static const struct { const char *from; const char *to; } abbreviations[] = {
  { "人民政府国有资产监督管理委员会", "国资委" },
  { "国有资产监督管理委员会", "国资委" },
  { "发展和改革委员会", "发改委" },
  { "发展改革委员会", "发改委" },
  { "发展和改革局", "发改局" },
  { "发展改革局", "发改局" },
  { "工业和信息化", "工信" },
  { "科学技术协会", "科协" },
  { "科学技术", "科技" },
  { "人力资源和社会保障", "人社" },
  { "人力资源社会保障", "人社" },
  { "卫生健康委员会", "卫健委" },
  { "卫生和计划生育委员会", "卫计委" },
  { "卫生健康", "卫健" },
  { "市场监督管理", "市场监管" },
  { "药品监督管理", "药监" },
  { "医疗保障", "医保" },
  { "地方金融监督管理", "金融监管" },
  { "金融监督管理总局", "金融监管总局" },
  { "金融监督管理", "金融监管" },
  { "银行保险监督管理委员会", "银保监会" },
  { "证券监督管理委员会", "证监会" },
  { "自然资源和规划", "资源规划" },
  { "住房和城乡建设", "住建" },
  { "台港澳事务办公室", "台港澳办" },
  { "人才工作领导小组办公室", "人才办" },
  { "工作办公室", "办" },
  { "金融委员会办公室", "金融办" },
  { "管理委员会", "管委会" },
  { "人民政府", "政府" },
  { "中国人民银行", "人行" },
  { "知识产权局", "知识产权局" },
};

static char *
remove_parentheses (const char *text)
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

/* Squashed, parentheses out, "中共" dropped, long forms abbreviated the
 * way the texts abbreviate them (科学技术局 → 科技局). */
static char *
abbreviate (const char *name)
{
  g_autofree char *squashed = pn_draft_normalize (name, NULL);
  g_autofree char *plain = remove_parentheses (squashed);
  GString *out = g_string_new (g_str_has_prefix (plain, "中共") ? plain + strlen ("中共") : plain);

  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    g_string_replace (out, abbreviations[i].from, abbreviations[i].to, 0);

  return g_string_free (out, FALSE);
}

static int
compare_length_desc (gconstpointer a,
                     gconstpointer b)
{
  return (int) strlen (*(const char * const *) b) - (int) strlen (*(const char * const *) a);
}

/* "泉州市医保局晋江分局" and "泉州医保局晋江分局" compare equal: every
 * place name of the taxonomy loses its 市/省/县 */
static char *
shorten_places (PnDraftPlaces *self,
                const char    *text)
{
  GString *out = g_string_new (text);

  for (guint i = 0; i < self->place_names->len; i++)
    {
      const char *name = g_ptr_array_index (self->place_names, i);
      glong len = g_utf8_strlen (name, -1);

      if (len >= 3 && (g_str_has_suffix (name, "市") || g_str_has_suffix (name, "省") ||
                       g_str_has_suffix (name, "县")))
        {
          g_autofree char *shortened = g_strndup (name, strlen (name) - strlen ("市"));

          g_string_replace (out, name, shortened, 0);
        }
    }

  return g_string_free (out, FALSE);
}

static void
add_key (PnDraftPlaces *self,
         const char    *key,
         const PnTerm  *unit)
{
  UnitKey *entry;

  if (key == NULL || *key == '\0')
    return;
  entry = g_new0 (UnitKey, 1);
  entry->key = g_strdup (key);
  entry->unit = unit;
  g_ptr_array_add (self->keys, entry);
}

static const char *
level_char (const PnTerm *location)
{
  if (location == NULL)
    return "";
  if (g_str_has_suffix (location->zh, "省"))
    return "省";
  if (g_str_has_suffix (location->zh, "市"))
    return "市";
  if (g_str_has_suffix (location->zh, "县"))
    return "县";
  if (g_str_has_suffix (location->zh, "区"))
    return "区";
  return "";
}

static void
index_units (PnDraftPlaces *self)
{
  GPtrArray *units = pn_taxonomy_get_units (self->taxonomy);
  GPtrArray *locations = pn_taxonomy_get_locations (self->taxonomy);

  for (guint i = 0; i < locations->len; i++)
    {
      const PnTerm *location = g_ptr_array_index (locations, i);

      g_ptr_array_add (self->place_names, g_strdup (location->zh));
    }
  g_ptr_array_sort (self->place_names, compare_length_desc);

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const PnTerm *unit = g_ptr_array_index (units, i);
      g_autofree char *full = abbreviate (unit->zh);
      g_autofree char *shortened = shorten_places (self, full);

      add_key (self, full, unit);
      add_key (self, shortened, unit);

      /* the local forms: "厦门市科技局" → "市科技局", "科技局" */
      for (const PnTerm *location = pn_taxonomy_get_location (self->taxonomy, unit->parent);
           location != NULL;
           location = pn_taxonomy_get_location (self->taxonomy, location->parent))
        {
          g_autofree char *place = abbreviate (location->zh);

          if (g_str_has_prefix (full, place))
            {
              const char *rest = full + strlen (place);
              g_autofree char *with_level = g_strconcat (level_char (location), rest, NULL);

              add_key (self, with_level, unit);
              add_key (self, rest, unit);
              /* 海沧区政府 is named 海沧区 too */
              if (g_str_has_suffix (rest, "区政府") || g_str_has_suffix (rest, "县政府"))
                {
                  g_autofree char *place_only = g_strndup (rest, strlen (rest) - strlen ("政府"));

                  add_key (self, place_only, unit);
                }
              break;
            }
        }

      /* 中国证监会厦门监管局 → 厦门证监局; 中国银保监会福建监管局 → 福建银保监局 */
      {
        const char *bodies[] = { "证监会", "银保监会" };

        for (guint b = 0; b < G_N_ELEMENTS (bodies); b++)
          {
            g_autofree char *prefix = g_strconcat ("中国", bodies[b], NULL);

            if (g_str_has_prefix (full, prefix) && g_str_has_suffix (full, "监管局"))
              {
                const char *place = full + strlen (prefix);
                g_autofree char *name = g_strndup (place, strlen (place) - strlen ("监管局"));
                g_autofree char *alias = g_strconcat (name, bodies[b], NULL);

                /* 证监会 → 证监局 */
                alias[strlen (alias) - strlen ("会")] = '\0';
                {
                  g_autofree char *with_ju = g_strconcat (alias, "局", NULL);

                  add_key (self, with_ju, unit);
                }
              }
          }
      }
    }
}

/* ---- places ---- */

typedef struct
{
  char       *zh;        /* as written, with its suffix */
  const char *id;        /* a taxonomy id, a known-place id, or NULL */
  gboolean    in_taxonomy;
  gboolean    zone;      /* a development zone named whole (高新区) */
  gboolean    generic_zone; /* named by its kind alone, after its city's name */
  const KnownPlace *known;
} PlaceHit;

static gsize
match_suffix (const char *p)
{
  for (guint i = 0; place_suffixes[i] != NULL; i++)
    if (g_str_has_prefix (p, place_suffixes[i]))
      return strlen (place_suffixes[i]);
  return 0;
}

/* The place named at `p`: a taxonomy location (full or without its 市),
 * a known place, or, when `generic`, any 2–4 characters and a suffix. */
typedef enum
{
  PLACES_KNOWN,     /* the taxonomy's and the table's only */
  PLACES_TITLE,     /* and a 2–3 character name with 省, 市 or 县 */
  PLACES_ANY,       /* and any 2–5 characters with a suffix */
} PlaceMatching;

static gsize
match_place (PnDraftPlaces *self,
             const char    *p,
             PlaceMatching  generic,
             PlaceHit      *hit)
{
  GPtrArray *locations = pn_taxonomy_get_locations (self->taxonomy);
  gsize best = 0;

  memset (hit, 0, sizeof *hit);

  for (guint i = 0; i < locations->len; i++)
    {
      const PnTerm *location = g_ptr_array_index (locations, i);
      gsize full = strlen (location->zh);
      gsize shorter = g_utf8_strlen (location->zh, -1) >= 3 ? full - strlen ("市") : full;

      if (g_str_has_prefix (p, location->zh) && full > best)
        {
          best = full;
          hit->id = location->id;
          hit->in_taxonomy = TRUE;
        }
      else if (shorter < full && strncmp (p, location->zh, shorter) == 0 && shorter > best &&
               !g_str_has_prefix (p + shorter, "市") )
        {
          best = shorter;
          hit->id = location->id;
          hit->in_taxonomy = TRUE;
        }
    }

  if (best == 0)
    for (guint i = 0; i < G_N_ELEMENTS (known_places); i++)
      {
        gsize len = strlen (known_places[i].zh);

        if (g_str_has_prefix (p, known_places[i].zh) && len > best)
          {
            best = len + match_suffix (p + len);
            hit->known = &known_places[i];
            hit->id = known_places[i].id;
          }
      }

  /* a development zone named whole: 经济技术开发区, 两江新区, 博鳌乐城国际医疗
   * 旅游先行区, 横琴粤澳深度合作区 */
  if (best == 0 && generic != PLACES_KNOWN && !pn_draft_has_prefix_any (p, (const char * const[]) {
        "本", "全", "各", "该", "我", "上述", "其他", NULL }))
    {
      static const char * const zones[] = {
        "高新技术产业开发区", "经济技术开发区", "开发区", "高新区", "新区", "先行区", "合作区", "试验区",
        "示范区", "自贸区", "保税区", "投资区", "工业园区", "片区", NULL
      };
      static const char * const kinds[] = {
        "高新技术产业开发区", "经济技术开发区", "高新区", "经开区", "工业园区", "片区", NULL
      };
      const char *q = p;

      /* "福州高新区管委会": after its city, a zone named by its kind alone */
      for (guint z = 0; kinds[z] != NULL && best == 0; z++)
        if (g_str_has_prefix (p, kinds[z]))
          {
            best = strlen (kinds[z]);
            hit->zone = TRUE;
          }

      for (int n = 0; best == 0 && n < 14 && *q != '\0' && pn_draft_is_cjk (g_utf8_get_char (q)); n++)
        {
          q = g_utf8_next_char (q);
          if (n < 1)
            continue;
          for (guint z = 0; zones[z] != NULL; z++)
            if (g_str_has_prefix (q, zones[z]))
              {
                best = (q - p) + strlen (zones[z]);
                hit->zone = TRUE;
                break;
              }
          if (best > 0)
            break;
        }
    }

  if (best == 0 && generic != PLACES_KNOWN)
    {
      const char *q = p;
      /* a title names its place in 2 or 3 characters and 省/市/县
       * ("测试市支持措施"), never "深化市场…" */
      int most = generic == PLACES_TITLE ? 3 : 5;

      for (int n = 0; n < most && *q != '\0'; n++)
        {
          gsize suffix;

          if (!pn_draft_is_cjk (g_utf8_get_char (q)))
            break;
          q = g_utf8_next_char (q);
          suffix = n >= 1 ? match_suffix (q) : 0;
          if (generic == PLACES_TITLE &&
              !(g_str_has_prefix (q, "省") || g_str_has_prefix (q, "市") || g_str_has_prefix (q, "县")))
            suffix = 0;
          if (suffix > 0 && (g_str_has_prefix (q + suffix, "场") || g_str_has_prefix (q + suffix, "政") ||
                             g_str_has_prefix (q + suffix, "民") || g_str_has_prefix (q + suffix, "委") ||
                             g_str_has_prefix (q + suffix, "级")))
            suffix = 0;
          if (suffix > 0 && !g_str_has_prefix (q, "区政府") )
            {
              best = (q - p) + suffix;
              break;
            }
        }
    }

  if (best > 0)
    hit->zh = g_strndup (p, best);
  return best;
}

static void
place_hit_clear (PlaceHit *hit)
{
  g_free (hit->zh);
}

/* The places a name starts with: "厦门市海沧区人民政府" → 厦门市, 海沧区. */
static GArray *
place_chain (PnDraftPlaces *self,
             const char    *name,
             PlaceMatching  generic)
{
  GArray *chain = g_array_new (FALSE, TRUE, sizeof (PlaceHit));
  g_autofree char *s = pn_draft_normalize (name ? name : "", NULL);
  const char *p = s;
  static const char * const not_places[] = {
    "本市", "全市", "我市", "各市", "该市", "本省", "全省", "我省", "本区", "全区", "城市", "市场",
    "市政", "市委", "省委", "区委", "县委", NULL
  };

  g_autofree char *previous_text = NULL;
  const char *previous = NULL;

  g_array_set_clear_func (chain, (GDestroyNotify) place_hit_clear);
  if (g_str_has_prefix (p, "中共"))
    p += strlen ("中共");
  /* "中国（福建）自由贸易试验区厦门片区管理委员会": the 片区's city, not the
   * province in brackets (a Fuzhou company was counted Xiamen's awards) */
  {
    const char *ftz = strstr (p, "自由贸易试验区");

    if (ftz != NULL && strstr (ftz, "片区") != NULL)
      p = ftz + strlen ("自由贸易试验区");
  }

  while (*p != '\0' && chain->len < 4)
    {
      PlaceHit hit;
      gsize len;

      if (pn_draft_has_prefix_any (p, not_places))
        break;
      len = match_place (self, p, generic, &hit);
      if (len == 0)
        break;
      /* "福州高新技术产业开发区": a zone named by its kind alone keeps its
       * city's name (福州's and 泉州's 高新技术产业开发区 are two places,
       * with two ids); 浦东新区, 东湖新技术开发区 have names of their own */
      hit.generic_zone = hit.zone && chain->len > 0 && previous != NULL &&
                         pn_draft_has_prefix_any (hit.zh, (const char * const[]) {
                           "高新技术产业开发区", "高新区", "经济技术开发区", "经开区", "开发区", "新区",
                           "自贸区", "保税区", "工业园区", "片区", NULL });
      if (hit.generic_zone)
        {
          g_autofree char *zone = hit.zh;

          hit.zh = g_strconcat (previous_text, zone, NULL);
        }
      g_free (previous_text);
      previous_text = g_strndup (p, len);
      previous = p;
      g_array_append_val (chain, hit);
      p += len;
    }

  return chain;
}

static const PnTerm *
province_of (PnDraftPlaces *self,
             const char    *id)
{
  const PnTerm *term = pn_document_lookup_location (self->document, self->taxonomy, id);

  /* a place is never its own ancestor; four levels at most, whatever a
   * document declares */
  for (guint depth = 0; term != NULL && term->parent != NULL && depth < 8; depth++)
    term = pn_document_lookup_location (self->document, self->taxonomy, term->parent);
  return term;
}

/* A development zone's id, its city's and its kind ("fuzhou-hitech-zone"
 * for 福州高新技术产业开发区, "xiamen-hitech-zone" for 厦门火炬高技术产业开发区):
 * what a consultant types after --location, and one id per city. */
static char *
zone_place_id (const char *parent,
               const char *zh)
{
  static const struct { const char *suffix; const char *slug; } kinds[] = {
    { "高新技术产业开发区", "hitech-zone" }, { "高技术产业开发区", "hitech-zone" }, { "高新区", "hitech-zone" },
    { "经济技术开发区", "economic-zone" }, { "经开区", "economic-zone" }, { "新区", "new-area" },
    { "自贸区", "free-trade-zone" }, { "保税区", "bonded-zone" }, { "先行区", "pilot-zone" },
    { "合作区", "cooperation-zone" }, { "试验区", "pilot-zone" }, { "示范区", "demonstration-zone" },
    { "开发区", "development-zone" }, { "工业园区", "industrial-park" }, { "片区", "ftz-area" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_str_has_suffix (zh, kinds[k].suffix))
      return g_strdup_printf ("%s-%s", parent, kinds[k].slug);
  return g_strdup_printf ("%s-zone", parent);
}

/* An id for a place of no table: its characters' code points. */
static char *
fallback_place_id (const char *zh)
{
  GString *id = g_string_new ("place");
  guint n = 0;

  for (const char *p = zh; *p != '\0' && n < 4; p = g_utf8_next_char (p), n++)
    g_string_append_printf (id, "-%x", g_utf8_get_char (p));
  return g_string_free (id, FALSE);
}

static const char *
level_of_suffix (const char *zh,
                 const char *parent_level)
{
  if (g_str_has_suffix (zh, "省") || g_str_has_suffix (zh, "自治区") ||
      g_str_has_suffix (zh, "特别行政区"))
    return "province";
  if (g_str_has_suffix (zh, "区") || g_str_has_suffix (zh, "县") || g_str_has_suffix (zh, "旗"))
    return "county";
  if (parent_level != NULL && g_strcmp0 (parent_level, "province") != 0)
    return "county";
  return "city";
}

/* Declares the places of `chain` the taxonomy lacks and returns the id of
 * the last, most local one. */
static char *
declare_chain (PnDraftPlaces *self,
               GArray        *chain)
{
  /* owned: the id of a place declared in an earlier round of the loop is
   * freed at its end */
  g_autofree char *parent = NULL;
  const char *parent_level = NULL;
  g_autofree char *last = NULL;

  for (guint i = 0; i < chain->len; i++)
    {
      PlaceHit *hit = &g_array_index (chain, PlaceHit, i);
      const PnTerm *existing;
      g_autofree char *id = NULL;
      const char *level;

      if (hit->in_taxonomy)
        {
          const PnTerm *term = pn_taxonomy_get_location (self->taxonomy, hit->id);

          g_free (parent);
          parent = g_strdup (term->id);
          parent_level = term->level;
          g_free (last);
          last = g_strdup (term->id);
          continue;
        }

      /* a known city whose province came first or is implied */
      if (hit->known != NULL && hit->known->parent != NULL && parent == NULL)
        {
          const char *up = hit->known->parent;

          if (pn_taxonomy_get_location (self->taxonomy, up) != NULL)
            parent = g_strdup (up);
          else
            for (guint k = 0; k < G_N_ELEMENTS (known_places); k++)
              if (g_str_equal (known_places[k].id, up))
                {
                  g_autofree char *zh = g_strconcat (known_places[k].zh,
                                                     g_str_equal (up, "guangxi") ? "壮族自治区" :
                                                     g_str_equal (up, "neimenggu") || g_str_equal (up, "xizang") ? "自治区" :
                                                     g_str_equal (up, "ningxia") ? "回族自治区" :
                                                     g_str_equal (up, "xinjiang") ? "维吾尔自治区" : "省",
                                                     NULL);

                  g_autofree char *en = g_strdup_printf ("%c%s", g_ascii_toupper (known_places[k].id[0]),
                                                         known_places[k].id + 1);

                  if (pn_document_lookup_location (self->document, self->taxonomy, up) == NULL)
                    pn_document_add_local_location (self->document, up, NULL, "province", zh, en);
                  parent = g_strdup (up);
                  break;
                }
          parent_level = "province";
        }

      /* a zone of a city: its id from the city's, so that two cities'
       * 台商投资区 or 高新区 are two places ("高新区管委会" alone, within
       * Fuzhou: 福州市高新区, fuzhou-hitech-zone) */
      if (hit->known == NULL && hit->zone && !hit->generic_zone && parent != NULL &&
          pn_draft_has_prefix_any (hit->zh, (const char * const[]) {
            "高新技术产业开发区", "高新区", "经济技术开发区", "经开区", "开发区", "新区", "自贸区", "保税区",
            "工业园区", "片区", NULL }))
        {
          const PnTerm *city = pn_document_lookup_location (self->document, self->taxonomy, parent);

          if (city != NULL && city->zh != NULL)
            {
              g_autofree char *zone = hit->zh;

              hit->zh = g_strconcat (city->zh, zone, NULL);
            }
          hit->generic_zone = TRUE;
        }
      if (hit->known != NULL)
        id = g_strdup (hit->known->id);
      else if (hit->generic_zone && parent != NULL)
        id = zone_place_id (parent, hit->zh);
      else if (hit->zone && parent != NULL)
        {
          g_autofree char *points = fallback_place_id (hit->zh);

          id = g_strdup_printf ("%s-%s", parent, points);
        }
      else
        id = fallback_place_id (hit->zh);
      level = hit->known != NULL ? hit->known->level : level_of_suffix (hit->zh, parent_level);
      existing = pn_document_lookup_location (self->document, self->taxonomy, id);
      if (existing == NULL)
        {
          g_autofree char *en = hit->known != NULL
                                ? g_strdup_printf ("%c%s", g_ascii_toupper (hit->known->id[0]),
                                                   hit->known->id + 1)
                                : g_strconcat (PN_UNTRANSLATED_PREFIX, hit->zh, NULL);

          pn_document_add_local_location (self->document, id, parent, level, hit->zh, en);
          pn_draft_warn (self->warnings,
                         g_strdup_printf ("地名“%s”不在分类表中，已在本文件中声明为本地地点“%s”%s%s",
                                          hit->zh, id, parent ? "，属于" : "", parent ? parent : ""),
                         g_strdup_printf ("the place “%s” is not in the taxonomy: declared as a "
                                          "local location “%s” of the document%s%s", hit->zh, id,
                                          parent ? " within " : "", parent ? parent : ""));
        }
      g_free (parent);
      parent = g_strdup (id);
      parent_level = level;
      g_free (last);
      last = g_strdup (id);
    }

  return g_steal_pointer (&last);
}

PnDraftPlaces *
pn_draft_places_new (PnTaxonomy  *taxonomy,
                     PnDocument  *document,
                     const char  *issuer,
                     const char  *title,
                     const char  *interpreter,
                     const char  *body,
                     GPtrArray   *warnings)
{
  PnDraftPlaces *self = g_new0 (PnDraftPlaces, 1);
  const char *sources[] = { issuer, title, interpreter };
  const PnTerm *term;

  self->taxonomy = pn_taxonomy_ref (taxonomy);
  self->document = pn_document_ref (document);
  self->warnings = warnings;
  self->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_key_free);
  self->place_names = g_ptr_array_new_with_free_func (g_free);
  self->local_units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->new_units = g_ptr_array_new_with_free_func (g_free);
  index_units (self);

  for (guint i = 0; i < G_N_ELEMENTS (sources) && self->jurisdiction == NULL; i++)
    {
      g_autoptr(GArray) chain = place_chain (self, sources[i], i == 1 ? PLACES_TITLE : PLACES_ANY);

      if (chain->len > 0)
        self->jurisdiction = declare_chain (self, chain);
    }

  /* no place in issuer or title: the taxonomy's place the text names most */
  if (self->jurisdiction == NULL && body != NULL)
    {
      GPtrArray *locations = pn_taxonomy_get_locations (taxonomy);
      const PnTerm *best = NULL;
      guint best_count = 0;

      for (guint i = 0; i < locations->len; i++)
        {
          const PnTerm *location = g_ptr_array_index (locations, i);
          g_autofree char *shorter = g_utf8_strlen (location->zh, -1) >= 3
                                     ? g_strndup (location->zh, strlen (location->zh) - strlen ("市"))
                                     : g_strdup (location->zh);
          guint count = 0;

          for (const char *p = strstr (body, shorter); p != NULL; p = strstr (p + 1, shorter))
            count++;
          if (count > best_count)
            {
              best = location;
              best_count = count;
            }
        }

      if (best != NULL && best_count >= 2)
        {
          self->jurisdiction = g_strdup (best->id);
          pn_draft_warn (warnings,
                         g_strdup_printf ("发文机关和标题均未载明地名，取正文中出现最多的%s（%s）"
                                          "为适用地区", best->zh, best->id),
                         g_strdup_printf ("neither the issuer nor the title names a place; the "
                                          "place the text names most, %s (%s), is taken as the "
                                          "jurisdiction", best->zh, best->id));
        }
    }

  if (self->jurisdiction == NULL)
    {
      self->jurisdiction = g_strdup ("unknown-place");
      pn_document_add_local_location (document, "unknown-place", NULL, "city",
                                      "未能识别的地方", "Place not recognised");
      pn_draft_warn (warnings,
                     g_strdup ("未能从发文机关、标题或正文识别地名，适用地区为本地地点“unknown-place”"),
                     g_strdup ("no place could be read from the issuer, the title or the "
                               "text: the jurisdiction is a local location “unknown-place”"));
    }

  term = pn_document_lookup_location (document, taxonomy, self->jurisdiction);
  self->jurisdiction_zh = g_strdup (term->zh);
  term = province_of (self, self->jurisdiction);
  if (term != NULL && g_strcmp0 (term->level, "province") == 0)
    {
      self->province = g_strdup (term->id);
      self->province_zh = g_strdup (term->zh);
    }

  g_free (document->jurisdiction);
  document->jurisdiction = g_strdup (self->jurisdiction);
  return self;
}

/* ---- units ---- */

static const PnTerm *
lookup_key (PnDraftPlaces *self,
            const char    *key)
{
  for (guint i = 0; i < self->keys->len; i++)
    {
      UnitKey *entry = g_ptr_array_index (self->keys, i);

      if (g_str_equal (entry->key, key))
        return entry->unit;
    }
  return NULL;
}

/* Is the unit of `place` or of a place above it?  "市科技局" in a
 * Quanzhou text is no unit of Jinjiang, which lies within Quanzhou. */
static gboolean
unit_within (PnDraftPlaces *self,
             const PnTerm  *unit,
             const char    *place)
{
  return place != NULL && pn_taxonomy_location_within (self->taxonomy, place, unit->parent);
}

/* Whether a unit a key found may be the one `name` means: a unit of the
 * document's place, a place above it or within it, or one whose place the
 * name says
 * ("厦门海关" in a Fujian text).  "各区人民政府" in a Shanghai text is no
 * unit of Xiamen's. */
static gboolean
unit_fits (PnDraftPlaces *self,
           const PnTerm  *unit,
           const char    *name)
{
  const PnTerm *place;
  g_autofree char *bare = NULL;

  /* of the place or above it, or within it: a province's task list names
   * the cities' governments */
  if (unit->parent == NULL || unit_within (self, unit, self->jurisdiction) ||
      pn_taxonomy_location_within (self->taxonomy, unit->parent, self->jurisdiction))
    return TRUE;
  place = pn_taxonomy_get_location (self->taxonomy, unit->parent);
  if (place == NULL || place->zh == NULL)
    return FALSE;
  bare = g_strdup (place->zh);
  if (g_utf8_strlen (bare, -1) > 2 && (g_str_has_suffix (bare, "市") || g_str_has_suffix (bare, "省")))
    bare[strlen (bare) - strlen ("市")] = '\0';
  return strstr (name, bare) != NULL;
}

/* "市科技局" in a Xiamen text is 厦门市科学技术局: a key that several units
 * share goes to the one of the document's place. */
static const PnTerm *
lookup_local (PnDraftPlaces *self,
              const char    *key,
              const char    *place)
{
  const PnTerm *found = NULL;

  for (guint i = 0; i < self->keys->len; i++)
    {
      UnitKey *entry = g_ptr_array_index (self->keys, i);

      if (!g_str_equal (entry->key, key))
        continue;
      if (place != NULL && g_strcmp0 (entry->unit->parent, place) == 0)
        return entry->unit;
      if (found == NULL && unit_within (self, entry->unit, place))
        found = entry->unit;
    }

  return found;
}

/* Every character of `needle` in order in `hay`; the span it takes. */
static glong
subsequence_span (const char *needle,
                  const char *hay)
{
  const char *h = hay;
  const char *first = NULL;

  for (const char *n = needle; *n != '\0'; n = g_utf8_next_char (n))
    {
      gunichar c = g_utf8_get_char (n);

      while (*h != '\0' && g_utf8_get_char (h) != c)
        h = g_utf8_next_char (h);
      if (*h == '\0')
        return -1;
      if (first == NULL)
        first = h;
      h = g_utf8_next_char (h);
    }

  return first != NULL ? g_utf8_strlen (first, h - first) : -1;
}

static const PnTerm *
lookup_loose (PnDraftPlaces *self,
              const char    *name,
              const char    *place)
{
  const PnTerm *best = NULL;
  glong best_span = G_MAXLONG;
  gboolean tie = FALSE;
  const char *level = g_str_has_prefix (name, "市") ? "市" : g_str_has_prefix (name, "省") ? "省" : NULL;

  if (g_utf8_strlen (name, -1) < 3)
    return NULL;

  for (guint i = 0; i < self->keys->len; i++)
    {
      UnitKey *entry = g_ptr_array_index (self->keys, i);
      glong span;

      if (place != NULL && !unit_within (self, entry->unit, place))
        continue;
      if (level != NULL && !g_str_has_prefix (entry->key, level))
        continue;
      span = subsequence_span (name, entry->key);
      if (span < 0)
        continue;
      /* the text's name must end where the unit's does: 局 with 局, 委
       * with 管委会 */
      {
        const char *final = g_utf8_offset_to_pointer (name, g_utf8_strlen (name, -1) - 1);
        glong key_len = g_utf8_strlen (entry->key, -1);
        const char *key_tail = g_utf8_offset_to_pointer (entry->key, MAX (0, key_len - 2));

        if (strstr (key_tail, final) == NULL)
          continue;
      }
      if (span < best_span || (span == best_span && g_utf8_strlen (entry->key, -1) <
                                                     g_utf8_strlen (best ? best->zh : "", -1)))
        {
          tie = best != NULL && span == best_span && best != entry->unit;
          best = entry->unit;
          best_span = span;
        }
      else if (span == best_span && best != entry->unit)
        tie = TRUE;
    }

  return tie ? NULL : best;
}

static gboolean
has_level_prefix (const char *name)
{
  if (g_str_has_prefix (name, "市场") || g_str_has_prefix (name, "市政园林") ||
      g_str_has_prefix (name, "市政管理"))
    return FALSE;
  return g_str_has_prefix (name, "市") || g_str_has_prefix (name, "省") ||
         g_str_has_prefix (name, "区") || g_str_has_prefix (name, "县");
}

/* The place a 市/省/区/县 prefix means in this document: 市 the
 * document's own city (or county-level city, 晋江市), 省 its province. */
static const char *
level_place (PnDraftPlaces *self,
             const char    *key)
{
  if (g_str_has_prefix (key, "省"))
    return self->province;

  for (const PnTerm *place = pn_document_lookup_location (self->document, self->taxonomy,
                                                          self->jurisdiction);
       place != NULL;
       place = pn_document_lookup_location (self->document, self->taxonomy, place->parent))
    {
      if ((g_str_has_prefix (key, "市") && g_str_has_suffix (place->zh, "市")) ||
          ((g_str_has_prefix (key, "区") || g_str_has_prefix (key, "县")) &&
           g_strcmp0 (place->level, "county") == 0))
        return place->id;
    }

  return NULL;
}

/* A unit of exactly `place` whose key is `key`, or whose key holds `key`
 * in order (火炬管委会 in 厦门火炬高技术产业开发区管委会) when `loose`. */
static const PnTerm *
lookup_at (PnDraftPlaces *self,
           const char    *key,
           const char    *place,
           gboolean       loose)
{
  const PnTerm *best = NULL;
  glong best_span = G_MAXLONG;
  gboolean tie = FALSE;

  if (place == NULL)
    return NULL;

  for (guint i = 0; i < self->keys->len; i++)
    {
      UnitKey *entry = g_ptr_array_index (self->keys, i);
      glong span;

      if (g_strcmp0 (entry->unit->parent, place) != 0)
        continue;
      if (!loose)
        {
          if (g_str_equal (entry->key, key))
            return entry->unit;
          continue;
        }
      if (g_utf8_strlen (key, -1) < 3)
        continue;
      span = subsequence_span (key, entry->key);
      if (span < 0)
        continue;
      {
        const char *final = g_utf8_offset_to_pointer (key, g_utf8_strlen (key, -1) - 1);
        glong key_len = g_utf8_strlen (entry->key, -1);

        if (strstr (g_utf8_offset_to_pointer (entry->key, MAX (0, key_len - 2)), final) == NULL)
          continue;
      }
      if (span < best_span)
        {
          best = entry->unit;
          best_span = span;
          tie = FALSE;
        }
      else if (span == best_span && best != entry->unit)
        tie = TRUE;
    }

  return tie ? NULL : best;
}

const PnTerm *
pn_draft_places_find_unit (PnDraftPlaces *self,
                           const char    *name)
{
  g_autofree char *key = abbreviate (name);
  g_autofree char *shortened = shorten_places (self, key);
  const PnTerm *unit;
  const char *place = self->jurisdiction;

  if (*key == '\0')
    return NULL;

  if (!has_level_prefix (key))
    {
      /* a name with its place (厦门市人民政府, 泉州医保局晋江分局), or a
       * name the document's place or a place above it has (市场监管局) */
      if ((unit = lookup_local (self, key, place)) != NULL)
        return unit;
      if ((unit = lookup_key (self, key)) != NULL && unit_fits (self, unit, name))
        return unit;
      if ((unit = lookup_key (self, shortened)) != NULL && unit_fits (self, unit, name))
        return unit;
      /* "厦门市税务局" is looked for among Xiamen's units */
      {
        g_autoptr(GArray) chain = place_chain (self, key, PLACES_KNOWN);

        if (chain->len > 0 && g_array_index (chain, PlaceHit, chain->len - 1).in_taxonomy)
          {
            const char *named = g_array_index (chain, PlaceHit, chain->len - 1).id;
            const char *rest = key + strlen (g_array_index (chain, PlaceHit, 0).zh);

            if ((unit = lookup_at (self, key, named, TRUE)) != NULL ||
                (unit = lookup_at (self, rest, named, TRUE)) != NULL)
              return unit;
          }
      }
      return lookup_loose (self, key, place);
    }

  /* 市科技局: the unit of the document's city, no other */
  place = level_place (self, key);
  if ((unit = lookup_at (self, key, place, FALSE)) != NULL)
    return unit;
  if ((unit = lookup_at (self, key + strlen ("市"), place, FALSE)) != NULL)
    return unit;
  return lookup_at (self, key + strlen ("市"), place, TRUE);
}

/* Whether a name says its own place ("厦门海关", "人行福州中心支行"), so
 * that the 市 or 省 of the names before it does not carry over. */
static gboolean
starts_with_place (PnDraftPlaces *self,
                   const char    *name)
{
  g_autoptr(GArray) chain = place_chain (self, name, PLACES_KNOWN);

  if (chain->len > 0 || g_str_has_prefix (name, "各") || g_str_has_prefix (name, "国家") ||
      g_str_has_prefix (name, "中国") || g_str_has_prefix (name, "中共"))
    return TRUE;

  for (guint i = 0; i < self->place_names->len; i++)
    {
      const char *place = g_ptr_array_index (self->place_names, i);
      g_autofree char *shorter = g_utf8_strlen (place, -1) >= 3
                                 ? g_strndup (place, strlen (place) - strlen ("市"))
                                 : g_strdup (place);

      if (strstr (name, shorter) != NULL)
        return TRUE;
    }
  return FALSE;
}

static char *
local_unit_id (PnDraftPlaces *self)
{
  return g_strdup_printf ("%s-unit-%u", self->document->id ? self->document->id : "draft",
                          g_hash_table_size (self->local_units) + 1);
}

static const char *
declare_unit (PnDraftPlaces *self,
              const char    *name)
{
  g_autofree char *zh = NULL;
  const char *place = self->jurisdiction;
  const char *id;

  /* "市科技局" of a Wuhan text is 武汉市科技局 */
  if (g_str_has_prefix (name, "市") && g_str_has_suffix (self->jurisdiction_zh, "市"))
    zh = g_strconcat (self->jurisdiction_zh, name + strlen ("市"), NULL);
  else if (g_str_has_prefix (name, "省") && self->province_zh != NULL)
    {
      zh = g_strconcat (self->province_zh, name + strlen ("省"), NULL);
      place = self->province;
    }
  else
    zh = g_strdup (name);

  id = g_hash_table_lookup (self->local_units, zh);
  if (id == NULL)
    {
      g_autofree char *new_id = local_unit_id (self);
      g_autofree char *en = g_strconcat (PN_UNTRANSLATED_PREFIX, zh, NULL);

      pn_document_add_local_unit (self->document, new_id, place, zh, en);
      g_ptr_array_add (self->new_units, g_strdup (zh));
      g_hash_table_insert (self->local_units, g_strdup (zh), g_strdup (new_id));
      id = g_hash_table_lookup (self->local_units, zh);
    }

  return id;
}

static void
add_ref (GPtrArray  *refs,
         const char *id,
         const char *role)
{
  for (guint i = 0; i < refs->len; i++)
    {
      PnUnitRef *ref = g_ptr_array_index (refs, i);

      if (g_str_equal (ref->id, id))
        return;
    }
  g_ptr_array_add (refs, pn_unit_ref_new (id, role));
}

void
pn_draft_places_add_units (PnDraftPlaces *self,
                           const char    *list,
                           const char    *role,
                           GPtrArray     *refs)
{
  g_autofree char *squashed = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  GString *item = g_string_new (NULL);
  char prefix[8] = "";
  int depth = 0;

  if (list == NULL)
    return;
  squashed = pn_draft_normalize (list, NULL);

  /* split at 、，,；; outside parentheses */
  for (const char *p = squashed; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;

      if (c == 0xFF08 || c == '(')
        depth++;
      else if ((c == 0xFF09 || c == ')') && depth > 0)
        depth--;

      if (c == 0 || (depth == 0 && (c == 0x3001 || c == 0xFF0C || c == ',' || c == 0xFF1B ||
                                    c == ';' || c == '\n' || c == 0x3002)))
        {
          if (item->len > 0)
            g_ptr_array_add (items, g_strdup (item->str));
          g_string_truncate (item, 0);
          if (c == 0)
            break;
          continue;
        }
      g_string_append_unichar (item, c);
    }
  g_string_free (item, TRUE);

  for (guint i = 0; i < items->len; i++)
    {
      char *name = g_ptr_array_index (items, i);
      g_autofree char *full = NULL;
      const PnTerm *unit;
      const char *colon;

      /* "配合单位：…" inside a list read as lead */
      if ((colon = strstr (name, "：")) != NULL || (colon = strchr (name, ':')) != NULL)
        name = (char *) g_utf8_next_char (colon);
      if (*name == '\0' || g_str_equal (name, "等") || g_str_has_prefix (name, "按职责") ||
          pn_draft_count_cjk (name) < 2)
        continue;
      if (g_str_has_suffix (name, "等"))
        name[strlen (name) - strlen ("等")] = '\0';

      /* "福州市、厦门市人民政府": the place alone takes the next one's body */
      if (i + 1 < items->len)
        {
          g_autoptr(GArray) chain = place_chain (self, name, PLACES_KNOWN);
          const char *next = g_ptr_array_index (items, i + 1);
          g_autoptr(GArray) next_chain = place_chain (self, next, PLACES_KNOWN);

          if (chain->len == 1 && g_str_equal (g_array_index (chain, PlaceHit, 0).zh, name) &&
              next_chain->len > 0)
            {
              const char *body = next + strlen (g_array_index (next_chain, PlaceHit, 0).zh);

              full = g_strconcat (name, body, NULL);
            }
        }

      if (full == NULL)
        {
          if (has_level_prefix (name))
            {
              const char *second = g_utf8_next_char (name);

              /* 市委, 省委: the party committee's level */
              g_strlcpy (prefix, name, second - name + 1);
              full = g_strdup (name);
            }
          /* "区科经委、张江集团": a company, a university or a hospital is
           * no bureau of the level before it (it became 区张江集团) */
          else if (*prefix != '\0' && !starts_with_place (self, name) &&
                   /* "区科委、…、中关村科技园区昌平园管委会": a zone's
                    * committee names its own place (it became 区中关村…) */
                   pn_draft_find_any (name, (const char * const[]) {
                     "园区", "开发区", "高新区", "新区", "科技园", "医药城", "试验区", "合作区", NULL }) == NULL &&
                   !g_str_has_suffix (name, "集团") && !g_str_has_suffix (name, "公司") &&
                   !g_str_has_suffix (name, "大学") && !g_str_has_suffix (name, "学院") &&
                   !g_str_has_suffix (name, "医院") && !g_str_has_suffix (name, "银行") &&
                   !g_str_has_suffix (name, "协会") && !g_str_has_suffix (name, "商会"))
            full = g_strconcat (prefix, name, NULL);
          else
            full = g_strdup (name);
        }

      unit = pn_draft_places_find_unit (self, full);

      /* "海沧区和各区": two units, when each is one */
      if (unit == NULL && strstr (name, "和") != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (name, "和", 2);
          const PnTerm *a = pn_draft_places_find_unit (self, parts[0]);
          const PnTerm *b = NULL;

          if (a != NULL && parts[1] != NULL)
            {
              g_autofree char *second = *prefix != '\0' && !starts_with_place (self, parts[1]) &&
                                        !has_level_prefix (parts[1])
                                        ? g_strconcat (prefix, parts[1], NULL) : g_strdup (parts[1]);

              b = pn_draft_places_find_unit (self, second);
              if (b == NULL)
                b = pn_draft_places_find_unit (self, parts[1]);
            }
          if (a != NULL && b != NULL)
            {
              add_ref (refs, a->id, role);
              add_ref (refs, b->id, role);
              continue;
            }
        }

      add_ref (refs, unit != NULL ? unit->id : declare_unit (self, full), role);
    }
}
