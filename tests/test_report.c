/* test_report.c - `report groups` figures: members, eligibility, last meeting, balances. */
#include "fixture.h"
#include "group.h"
#include "report.h"

static char *run(sk_db *db, report_format fmt, const char *gid)
{
	static char buf[8192];
	sk_err e;
	FILE *f = fmemopen(buf, sizeof buf - 1, "w");
	int rc = report_groups(db, gid, fmt, f, &e);
	fclose(f);
	return rc == SK_OK ? buf : NULL;
}

int main(void)
{
	sk_db *db = fixture_db();
	sk_err e;
	CHECK(db_exec(db,
		"INSERT INTO kelompok(id,nama,kode_wilayah,tingkat,diubah_pada) VALUES"
		" ('g1','=Melati','31.71.08.1003','maju','2026-01-01T00:00:00Z'),"
		" ('g2','Mawar','31.71.08.1003','tumbuh','2026-01-01T00:00:00Z'),"
		" ('g3','Dihapus','31.71.08.1003','tumbuh','2026-01-01T00:00:00Z');"
		"UPDATE kelompok SET dihapus=1 WHERE id='g3';"
		"INSERT INTO anggota(id,kelompok_id,nik,no_kk,nama,jenis_kelamin,diubah_pada,tanggal_keluar,dihapus) VALUES"
		" ('a1','g1','3171081208800001','3171081503100007','A','L','2026-01-01T00:00:00Z',NULL,0),"
		" ('a2','g1','3171081208800002','3171081503100007','B','L','2026-01-01T00:00:00Z',NULL,0),"
		" ('a3','g1','3171081208800003','3171081503100007','C','L','2026-01-01T00:00:00Z',NULL,0),"
		" ('a4','g1','3171081208800004','3171081503100007','D','L','2026-01-01T00:00:00Z','2026-02-01',0),"
		" ('a5','g1','3171081208800005','3171081503100007','E','L','2026-01-01T00:00:00Z',NULL,1);"
		/* a1: poor then not poor (latest counts); a2: two on one date, later diubah_pada wins. */
		"INSERT INTO penilaian(id,anggota_id,tanggal,skor,kategori,diubah_pada) VALUES"
		" ('p1','a1','2025-01-01',10,'miskin','2025-01-01T00:00:00Z'),"
		" ('p2','a1','2026-01-01',5,'tidak_miskin','2026-01-01T00:00:00Z'),"
		" ('p3','a2','2026-01-01',5,'tidak_miskin','2026-01-01T00:00:00Z'),"
		" ('p4','a2','2026-01-01',11,'miskin','2026-01-02T00:00:00Z'),"
		" ('p5','a4','2026-01-01',12,'miskin','2026-01-01T00:00:00Z');"
		"INSERT INTO pertemuan(id,kelompok_id,tanggal,diubah_pada,dihapus) VALUES"
		" ('m1','g1','2026-10-01','2026-01-01T00:00:00Z',0),"
		" ('m2','g1','2026-11-01','2026-01-01T00:00:00Z',1);"
		"INSERT INTO kas(id,kelompok_id,tanggal,buku,kategori,masuk,keluar,diubah_pada,dihapus) VALUES"
		" ('k1','g1','2026-10-01','umum','bantuan',20000000,0,'2026-01-01T00:00:00Z',0),"
		" ('k2','g1','2026-10-02','umum','pembelian',0,1250000,'2026-01-01T00:00:00Z',0),"
		" ('k3','g1','2026-10-02','iks','iuran_iks',5000,0,'2026-01-01T00:00:00Z',0),"
		" ('k4','g1','2026-10-03','umum','pembelian',0,999,'2026-01-01T00:00:00Z',1);", &e) == SK_OK,
	      "fixture rows");
	char *csv = run(db, REPORT_CSV, NULL);
	CHECK(csv != NULL, "csv report runs");
	CHECK(strstr(csv, "kelompok_id,nama,kode_wilayah,tingkat,anggota_aktif,anggota_dinilai,"
			  "anggota_miskin,persen_miskin,pertemuan_terakhir,saldo_umum,saldo_iks\n") == csv,
	      "spec header first");
	CHECK(strstr(csv, "g1,'=Melati,31.71.08.1003,maju,3,2,1,50,2026-10-01,18750000,5000\n") != NULL,
	      "g1 figures: 3 active, 2 assessed, 1 poor, 50%, last live meeting, balances");
	CHECK(strstr(csv, "g2,Mawar,31.71.08.1003,tumbuh,0,0,0,,,0,0\n") != NULL,
	      "empty group: zeros and empty fields");
	CHECK(strstr(csv, "Dihapus") == NULL, "deleted group not reported");
	CHECK(strstr(csv, "Mawar") > strstr(csv, "Melati"), "ordered by name");
	csv = run(db, REPORT_CSV, "g2");
	CHECK(csv && strstr(csv, "g1,") == NULL && strstr(csv, "g2,") != NULL, "--group filters");
	char *text = run(db, REPORT_TEXT, NULL);
	CHECK(text && strstr(text, "18.750.000") != NULL, "text report formats rupiah");
	CHECK(run(db, REPORT_CSV, "nope") == NULL, "unknown group is an error");
	db_close(db);
	return testlib_summary();
}
