#include "sacjc/selection.h"

#include <gtest/gtest.h>

#include "sacjc/error.h"

namespace sacjc {
namespace {

// Five images, three classes. Rows are logits; the comments give the top class and how sure.
Outputs victim_outputs() {
  Outputs o(5, 3);
  o << 5, 0, 0,   // 0: class 0, sure
      0, 1, 0.9,  // 1: class 1, unsure between 1 and 2
      0, 0, 4,    // 2: class 2, sure
      1, 1.2, 1,  // 3: class 1, nearly uniform (the most uncertain)
      0, 3, 0;    // 4: class 1, fairly sure
  return o;
}

const std::vector<std::string> kNames = {"a.png", "b.png", "c.png", "d.png", "e.png"};

TEST(SelectionTest, VictimWrongKeepsTheMistakesThenTheLeastConfidentRightOnes) {
  // The victim is wrong on images 2 and 4.
  const std::vector<int> labels = {0, 1, 0, 1, 2};
  EXPECT_EQ(count_wrong(victim_outputs(), labels), 2);
  EXPECT_EQ(select_probes(victim_outputs(), Select::kVictimWrong, 2, labels, kNames, "l.csv"),
            (std::vector<int>{2, 4}));
  // Topped up with the least confident right answer (image 3), and kept in pool order.
  EXPECT_EQ(select_probes(victim_outputs(), Select::kVictimWrong, 3, labels, kNames, "l.csv"),
            (std::vector<int>{2, 3, 4}));
  EXPECT_EQ(select_probes(victim_outputs(), Select::kVictimWrong, 4, labels, kNames, "l.csv"),
            (std::vector<int>{1, 2, 3, 4}));
  // More mistakes than probes: the first ones in pool order.
  EXPECT_EQ(select_probes(victim_outputs(), Select::kVictimWrong, 1, labels, kNames, "l.csv"), (std::vector<int>{2}));
}

// Three reference models, one row per image of victim_outputs(), given by their top classes.
Outputs answering(const std::vector<int>& tops) {
  Outputs o = Outputs::Zero(static_cast<Eigen::Index>(tops.size()), 3);
  for (std::size_t i = 0; i < tops.size(); ++i) o(static_cast<Eigen::Index>(i), tops[i]) = 1;
  return o;
}

TEST(SelectionTest, ReferenceAnswersAreTheMajorityAndTiesKeepTheVictimsClass) {
  // Victim's top classes: 0, 1, 2, 1, 1.
  const std::vector<Outputs> references = {answering({0, 2, 0, 2, 0}), answering({0, 2, 1, 1, 2}),
                                           answering({1, 1, 0, 0, 1})};
  // Image 0: 0 by two; 1: 2 by two; 2: 0 by two; 3: a three-way tie that includes the victim's 1;
  // 4: a three-way tie too (0, 2, 1), which includes the victim's class.
  EXPECT_EQ(reference_answers(victim_outputs(), references), (std::vector<int>{0, 2, 0, 1, 1}));
  // A tie without the victim's class goes to the lowest class: image 0 has votes 1 and 2 (victim 0).
  EXPECT_EQ(reference_answers(victim_outputs(), {answering({1, 1, 2, 1, 1}), answering({2, 1, 2, 1, 1})})[0], 1);
}

TEST(SelectionTest, VictimDisputedKeepsWhereTheVictimIsNotTheMajorityThenItsLeastConfident) {
  const std::vector<Outputs> references = {answering({0, 2, 0, 2, 0}), answering({0, 2, 1, 1, 2}),
                                           answering({1, 1, 0, 0, 1})};
  const std::vector<int> answers = reference_answers(victim_outputs(), references);
  EXPECT_EQ(count_wrong(victim_outputs(), answers), 2);  // images 1 and 2 are disputed
  EXPECT_EQ(select_probes(victim_outputs(), Select::kVictimDisputed, 2, answers, kNames, "references"),
            (std::vector<int>{1, 2}));
  // Topped up with the victim's least confident other image (3).
  EXPECT_EQ(select_probes(victim_outputs(), Select::kVictimDisputed, 3, answers, kNames, "references"),
            (std::vector<int>{1, 2, 3}));
}

TEST(SelectionTest, VictimUncertainKeepsTheHighestEntropy) {
  EXPECT_EQ(select_probes(victim_outputs(), Select::kVictimUncertain, 1), (std::vector<int>{3}));
  EXPECT_EQ(select_probes(victim_outputs(), Select::kVictimUncertain, 2), (std::vector<int>{1, 3}));
  EXPECT_EQ(select_probes(victim_outputs(), Select::kAll, 2), (std::vector<int>{0, 1}));
}

TEST(SelectionTest, IsDeterministicAndTiesGoToTheEarlierImage) {
  Outputs same = Outputs::Zero(6, 4);  // every row equally uncertain and equally wrong
  const std::vector<int> labels(6, 3);
  for (int run = 0; run < 3; ++run) {
    EXPECT_EQ(select_probes(same, Select::kVictimUncertain, 3), (std::vector<int>{0, 1, 2}));
    EXPECT_EQ(select_probes(same, Select::kVictimWrong, 2, labels, std::vector<std::string>(6, "x"), "l"),
              (std::vector<int>{0, 1}));
  }
}

TEST(SelectionTest, HugeLogitsDoNotOverflow) {
  Outputs o(2, 2);
  o << 1e30f, 0, 1, 1;
  EXPECT_EQ(select_probes(o, Select::kVictimUncertain, 1), (std::vector<int>{1}));
}

TEST(SelectionTest, LabelOutsideTheVictimsClassesNamesTheImage) {
  try {
    select_probes(victim_outputs(), Select::kVictimWrong, 2, {0, 1, 7, 1, 2}, kNames, "labels.csv");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    EXPECT_EQ(std::string(e.what()), "labels.csv: 'c.png' has label 7, but the victim has only 3 classes");
  }
}

// Expects parse_labels to fail with a bad-input Error whose message is `message`.
void expect_labels_error(const std::string& text, const std::string& message) {
  try {
    parse_labels(text, "labels.csv", kNames);
    FAIL() << "no error for: " << text;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    EXPECT_EQ(std::string(e.what()), message);
  }
}

TEST(SelectionTest, LabelsFileIsParsed) {
  Labels labels = parse_labels(
      "\xEF\xBB\xBF"
      "file,label\r\na.png,0\r\nb.png , 2\r\n\r\n",
      "labels.csv", kNames);
  EXPECT_EQ(labels, (Labels{{"a.png", {0, 2}}, {"b.png", {2, 3}}}));
  // A file name may hold a comma: the label is after the last one.
  EXPECT_EQ(parse_labels("file,label\nx,y.png,1\n", "l", {"x,y.png"}), (Labels{{"x,y.png", {1, 2}}}));
}

TEST(SelectionTest, LabelsFileErrorsNameTheRow) {
  expect_labels_error("", "labels.csv: empty labels file; expected the header 'file,label' and one row per image");
  expect_labels_error("name,class\na.png,1\n", "labels.csv: line 1: the header must be 'file,label'");
  expect_labels_error("file,label\na.png 1\n", "labels.csv: line 2: expected 'file,label'");
  expect_labels_error("file,label\na.png,1\nb.png,-1\n",
                      "labels.csv: line 3: the label of 'b.png' must be a class index (a whole number >= 0), got '-1'");
  expect_labels_error(
      "file,label\na.png,1.5\n",
      "labels.csv: line 2: the label of 'a.png' must be a class index (a whole number >= 0), got '1.5'");
  expect_labels_error("file,label\na.png,99999999999\n",
                      "labels.csv: line 2: the label of 'a.png' must be a class index (a whole number >= 0), got "
                      "'99999999999'");
  expect_labels_error("file,label\nz.png,1\n", "labels.csv: line 2: 'z.png' is not an image of the probe directory");
  expect_labels_error("file,label\na.png,1\nb.png,0\na.png,1\n", "labels.csv: line 4: 'a.png' is labelled twice");
}

TEST(SelectionTest, LabelOutsideTheVictimsClassesNamesTheLine) {
  Labels labels = parse_labels("file,label\na.png,2\nc.png,9\nb.png,3\n", "labels.csv", kNames);
  EXPECT_NO_THROW(check_label_range(labels, 10, "labels.csv"));
  try {
    check_label_range(labels, 3, "labels.csv");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    EXPECT_EQ(std::string(e.what()), "labels.csv: line 3: 'c.png' has label 9, but the victim has only 3 classes");
  }
}

TEST(SelectionTest, MissingLabelsFileIsBadInput) {
  EXPECT_THROW(
      {
        try {
          read_labels("/nonexistent/labels.csv", kNames);
        } catch (const Error& e) {
          EXPECT_EQ(e.code(), ExitCode::kBadInput);
          EXPECT_NE(std::string(e.what()).find("/nonexistent/labels.csv"), std::string::npos);
          throw;
        }
      },
      Error);
}

TEST(SelectionTest, SelectNamesRoundTrip) {
  for (Select s : {Select::kAll, Select::kVictimWrong, Select::kVictimUncertain})
    EXPECT_EQ(parse_select(to_string(s)), s);
  EXPECT_THROW(parse_select("random"), Error);
}

}  // namespace
}  // namespace sacjc
